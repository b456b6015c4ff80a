from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from .caching import bump_generation
from .models import Article, Category, Page, Tag
from .renditions import generate_renditions


@receiver([post_save, post_delete], sender=Article)
@receiver([post_save, post_delete], sender=Category)
@receiver([post_save, post_delete], sender=Tag)
@receiver([post_save, post_delete], sender=Page)
@receiver(m2m_changed, sender=Article.categories.through)
@receiver(m2m_changed, sender=Article.tags.through)
def forget_cached_fragments(**kwargs):
    if kwargs.get("action", "").startswith("pre_"):
        return  # m2m_changed fires before and after each change; the "post_" one is enough.
    bump_generation()
    # Again after commit: a request served meanwhile may have cached the old rows anew.
    transaction.on_commit(bump_generation)


@receiver(post_save, sender=Article)
def make_cover_renditions(sender, instance, **kwargs):
    if instance.cover:
        generate_renditions(instance.cover)
