// Photo page: ← and → follow the "Ảnh trước"/"Ảnh sau" links (which work without this).
document.addEventListener("keydown", function (event) {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  var target = event.target;
  if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
  var link = document.querySelector('.photo-nav [data-key="' + event.key + '"]');
  if (!link) return;
  event.preventDefault();
  window.location.href = link.href;
});

// Video page: the provider's player is loaded only when the reader asks for it. Without
// JavaScript the link opens the video on the provider's own site.
document.addEventListener("click", function (event) {
  var start = event.target.closest(".video-player__start");
  if (!start) return;
  var player = start.closest(".video-player");
  var src = player && player.getAttribute("data-embed");
  if (!src) return;
  event.preventDefault();
  var frame = document.createElement("iframe");
  frame.src = src;
  frame.title = player.getAttribute("data-title") || "Video";
  frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
  frame.allowFullscreen = true;
  frame.referrerPolicy = "strict-origin-when-cross-origin";
  player.replaceChildren(frame);
  frame.focus();
});
