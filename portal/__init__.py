"""The roof: what composes the apps into one site.

``unionsite`` is the ground floor every app may import (settings, site profile, images, text,
slugs); it imports no app. This package is the only place that knows every app: the root
URLconf, the sitemap registry and the reader page cache. Apps never import it.
"""
