import django.contrib.postgres.search
from django.db import migrations, models

# PostgreSQL keeps the weighted vector itself, whatever writes the row (save(), update(),
# raw SQL): title A, byline and tags B, sapo and body B — the weights search had before.
CREATE_TRIGGER = """
CREATE OR REPLACE FUNCTION news_article_search_vector() RETURNS trigger AS $$
BEGIN
  NEW.search_vector :=
    setweight(to_tsvector('simple', coalesce(NEW.search_title, '')), 'A') ||
    setweight(to_tsvector('simple', coalesce(NEW.search_meta, '')), 'B') ||
    setweight(to_tsvector('simple', coalesce(NEW.search_text, '')), 'B');
  RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER news_article_search_vector
  BEFORE INSERT OR UPDATE OF search_title, search_meta, search_text ON news_article
  FOR EACH ROW EXECUTE FUNCTION news_article_search_vector();
CREATE INDEX news_article_search_gin ON news_article USING gin (search_vector);
"""
DROP_TRIGGER = """
DROP INDEX IF EXISTS news_article_search_gin;
DROP TRIGGER IF EXISTS news_article_search_vector ON news_article;
DROP FUNCTION IF EXISTS news_article_search_vector();
"""


def fill_search_meta(apps, schema_editor):
    from unionsite.text import fold_vietnamese

    Article = apps.get_model("news", "Article")
    for article in Article.objects.prefetch_related("tags").only("id", "byline"):
        text = " ".join([article.byline, *(tag.name for tag in article.tags.all())])
        words = "".join(c if c.isalnum() and c.isascii() else " " for c in fold_vietnamese(text))
        article.search_meta = f" {' '.join(words.split())} "
        article.save(update_fields=["search_meta"])


def create_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE_TRIGGER)
        # Fire the trigger once for the rows that exist.
        schema_editor.execute("UPDATE news_article SET search_title = search_title")


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_TRIGGER)


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0002_editor_group"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="search_meta",
            field=models.TextField(default="", editable=False),
        ),
        migrations.AddField(
            model_name="article",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(fill_search_meta, migrations.RunPython.noop),
        migrations.RunPython(create_trigger, drop_trigger),
    ]
