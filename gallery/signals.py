from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from unionsite.renditions import generate_renditions

from .caching import bump_version
from .models import Album, Photo, Video

# easy-thumbnails aliases (settings.THUMBNAIL_ALIASES) made when a photo or poster is saved.
# "small" is the admin's thumbnail.
PHOTO_RENDITIONS = ("gallery_grid", "gallery_grid2x", "gallery_view", "gallery_wide", "small")
POSTER_RENDITIONS = ("card", "article", "small")


@receiver([post_save, post_delete], sender=Album)
@receiver([post_save, post_delete], sender=Photo)
@receiver([post_save, post_delete], sender=Video)
@receiver(m2m_changed, sender=Album.articles.through)
@receiver(m2m_changed, sender=Album.congresses.through)
def forget_cached_fragments(**kwargs):
    if kwargs.get("action", "").startswith("pre_"):
        return
    bump_version()
    # Again after commit: a request served meanwhile may have cached the old rows anew.
    transaction.on_commit(bump_version)


@receiver(post_save, sender=Photo)
def make_photo_renditions(sender, instance, **kwargs):
    if instance.image:
        generate_renditions(instance.image, PHOTO_RENDITIONS)


@receiver(post_save, sender=Video)
def make_poster_renditions(sender, instance, **kwargs):
    if instance.poster:
        generate_renditions(instance.poster, POSTER_RENDITIONS)


@receiver(post_delete, sender=Photo)
def choose_another_cover(sender, instance, **kwargs):
    """Deleting the cover photo leaves the album its first remaining photo as cover."""
    album = Album.objects.filter(pk=instance.album_id, cover__isnull=True).first()
    if album is not None:
        album.cover = album.photos.order_by("position", "id").first()
        if album.cover is not None:
            album.save(update_fields=["cover"])
