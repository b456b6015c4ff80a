from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import PARTNERS_CACHE_KEY, PROFILE_CACHE_KEY, PartnerLink, SiteProfile


@receiver([post_save, post_delete], sender=SiteProfile)
def forget_cached_profile(**kwargs):
    cache.delete(PROFILE_CACHE_KEY)


@receiver([post_save, post_delete], sender=PartnerLink)
def forget_cached_partner_links(**kwargs):
    cache.delete(PARTNERS_CACHE_KEY)
