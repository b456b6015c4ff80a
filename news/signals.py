from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver

from unionsite.models import PartnerLink
from unionsite.renditions import generate_renditions

from . import history
from .caching import bump_generation
from .models import Article, Category, Page, Tag
from .services import record_moved_address, refresh_search_meta


@receiver([post_save, post_delete], sender=Article)
@receiver([post_save, post_delete], sender=Category)
@receiver([post_save, post_delete], sender=Tag)
@receiver([post_save, post_delete], sender=Page)
@receiver([post_save, post_delete], sender=PartnerLink)  # in the chrome's footer
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


@receiver(m2m_changed, sender=Article.tags.through)
def tags_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """Search matches tag names: re-fold them for the articles whose tags changed."""
    if action not in {"post_add", "post_remove", "post_clear"}:
        if action == "pre_clear" and reverse:
            instance._cleared_article_ids = list(instance.articles.values_list("pk", flat=True))
        return
    if not reverse:
        refresh_search_meta(article_ids=[instance.pk])
    elif action == "post_clear":
        refresh_search_meta(article_ids=getattr(instance, "_cleared_article_ids", []))
    else:
        refresh_search_meta(article_ids=pk_set or [])


@receiver(pre_save, sender=Tag)
def tag_saving(sender, instance, **kwargs):
    old = None
    if instance.pk:
        old = Tag.objects.filter(pk=instance.pk).values_list("name", flat=True).first()
    instance._renamed = old is not None and old != instance.name


@receiver(post_save, sender=Tag)
def tag_renamed(sender, instance, created, **kwargs):
    if getattr(instance, "_renamed", False):
        refresh_search_meta(article_ids=instance.articles.values_list("pk", flat=True))


@receiver(pre_delete, sender=Tag)
def tag_deleting(sender, instance, **kwargs):
    instance._deleted_article_ids = list(instance.articles.values_list("pk", flat=True))


@receiver(post_delete, sender=Tag)
def tag_deleted(sender, instance, **kwargs):
    refresh_search_meta(article_ids=getattr(instance, "_deleted_article_ids", []))


@receiver(post_save, sender=Article)
@receiver(post_save, sender=Page)
def keep_revision(sender, instance, update_fields=None, raw=False, **kwargs):
    history.keep_revision(instance, update_fields=update_fields, raw=raw)


@receiver(pre_save, sender=Article)
@receiver(pre_save, sender=Category)
def remember_address(sender, instance, raw=False, **kwargs):
    instance._old_url = None
    if instance.pk and not raw:
        old = sender.objects.filter(pk=instance.pk).values_list("slug", flat=True).first()
        if old and old != instance.slug:
            instance._old_url = type(instance)(slug=old).get_absolute_url()


@receiver(post_save, sender=Article)
@receiver(post_save, sender=Category)
def address_moved(sender, instance, **kwargs):
    """A changed slug: the old address answers 301 to the new one (django.contrib.redirects)."""
    if getattr(instance, "_old_url", None):
        record_moved_address(old_path=instance._old_url, new_path=instance.get_absolute_url())
