"""MEDIA_STORAGE=s3: uploads go to S3-compatible storage so app servers hold no files."""

from .conftest import CHECK_DEPLOY, PYTHON, run

S3 = {
    "MEDIA_STORAGE": "s3",
    "AWS_STORAGE_BUCKET_NAME": "congdoan-anh",
    "AWS_S3_ENDPOINT_URL": "https://s3.example.vn",
    "AWS_S3_REGION_NAME": "hn-1",
    "AWS_ACCESS_KEY_ID": "placeholder-key-id",
    "AWS_SECRET_ACCESS_KEY": "placeholder-secret",
}

SHOW = (
    "import django; django.setup(); from django.conf import settings as s; "
    "from django.core.files.storage import storages; d = storages['default']; "
    "print(type(d).__module__ + '.' + type(d).__name__); print(d.url('news/2025/05/a.jpg')); "
    "print(' '.join(s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']))"
)


def test_media_defaults_to_the_local_folder(production_env):
    result = run([PYTHON, "-c", SHOW], production_env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "django.core.files.storage.filesystem.FileSystemStorage",
        "/media/news/2025/05/a.jpg",
        "'self'",
    ]


def test_s3_media_uses_the_cdn_domain_for_links_and_csp(production_env):
    production_env.update(S3, AWS_S3_CUSTOM_DOMAIN="anh.congdoanthanhhoa.vn")
    result = run([PYTHON, "-c", SHOW], production_env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "storages.backends.s3.S3Storage",
        "https://anh.congdoanthanhhoa.vn/media/news/2025/05/a.jpg",
        "'self' https://anh.congdoanthanhhoa.vn",
    ]


def test_s3_media_without_cdn_allows_the_endpoint_in_csp(production_env):
    production_env.update(S3)
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(' '.join(s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']))"
    )
    result = run([PYTHON, "-c", code], production_env)
    assert result.stdout.strip() == "'self' https://s3.example.vn", result.stderr


def test_check_deploy_stays_clean_with_s3_media(production_env):
    production_env.update(S3, AWS_S3_CUSTOM_DOMAIN="anh.congdoanthanhhoa.vn")
    result = run(CHECK_DEPLOY, production_env)
    assert result.returncode == 0, result.stdout + result.stderr


def test_s3_media_without_a_bucket_refuses_to_start(production_env):
    production_env.update(S3)
    del production_env["AWS_STORAGE_BUCKET_NAME"]
    result = run([PYTHON, "-c", SHOW], production_env)
    assert result.returncode == 1
    assert "MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME." in result.stderr


def test_unknown_media_storage_refuses_to_start(production_env):
    production_env["MEDIA_STORAGE"] = "ftp"
    result = run([PYTHON, "-c", SHOW], production_env)
    assert result.returncode == 1
    assert "MEDIA_STORAGE must be 'filesystem' (default) or 's3'." in result.stderr
