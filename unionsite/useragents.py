"""Reader or robot: the site's one bot list, used by the visitor counter (stats) and the
article view count (news)."""

# Crawlers, link previewers, monitors and scripted clients, matched as lower-case substrings
# of the user agent (plain substring tests: a regex alternation costs ten times more per
# request). An empty user agent is a bot too: every browser sends one, scripts often do not
# (benchmarks send a browser's user agent instead, bench/).
BOT_TOKENS = (
    "bot",
    "crawl",
    "spider",
    "slurp",
    "archiver",
    "facebookexternalhit",
    "preview",
    "headless",
    "lighthouse",
    "pagespeed",
    "curl",
    "wget",
    "python",
    "httpclient",
    "http-client",
    "okhttp",
    "java/",
    "libwww",
    "scrapy",
    "axios",
    "node-fetch",
    "feedfetcher",
    "monitor",
    "uptime",
    "pingdom",
)


def is_bot(user_agent: str) -> bool:
    if not user_agent:
        return True
    user_agent = user_agent.lower()
    return any(token in user_agent for token in BOT_TOKENS)
