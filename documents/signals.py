from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from .caching import bump_version
from .models import Document, DocumentFile, DocumentType, Field, Issuer


@receiver([post_save, post_delete], sender=Document)
@receiver([post_save, post_delete], sender=DocumentFile)
@receiver([post_save, post_delete], sender=DocumentType)
@receiver([post_save, post_delete], sender=Issuer)
@receiver([post_save, post_delete], sender=Field)
@receiver(m2m_changed, sender=Document.fields.through)
def forget_cached_fragments(**kwargs):
    if kwargs.get("action", "").startswith("pre_"):
        return
    bump_version()
    # Again after commit: a request served meanwhile may have cached the old rows anew.
    transaction.on_commit(bump_version)
