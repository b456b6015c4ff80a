"""Staff groups get their permissions in one way: a data migration of the app that owns the
models calls ``grant``. "Quản trị" is the exception, kept whole by
``unionsite.security.sync_admin_group`` after every migrate."""


def grant(apps, app_label: str, group_permissions: dict[str, list[str]]) -> None:
    """Give each named group the listed permission codenames of ``app_label``, creating the
    groups (and the app's permissions, normally made only after all migrations) as needed."""
    from django.contrib.auth.management import create_permissions

    config = apps.get_app_config(app_label)
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in group_permissions.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        )


def revoke(apps, app_label: str, group_names) -> None:
    """Undo ``grant``: the groups lose every permission of ``app_label``."""
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=group_names):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label=app_label))
