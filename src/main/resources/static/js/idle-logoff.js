// Automatic logoff for a signed-in page with an event stream (the desk, the wallboard). The stream keeps the
// server's session alive, so the page signs out by itself after data-idle-seconds on its body with no key,
// click, wheel or touch: a screen left unattended does not stay signed in. It submits the page's form.sign-out.
(function () {
  'use strict';

  const form = document.querySelector('form.sign-out');
  if (!form) {
    return;
  }
  const idleMillis = Number(document.body.dataset.idleSeconds || 1800) * 1000;
  let lastInput = Date.now();
  ['keydown', 'pointerdown', 'wheel', 'touchstart'].forEach(function (kind) {
    document.addEventListener(kind, function () { lastInput = Date.now(); }, { passive: true, capture: true });
  });
  setInterval(function () {
    if (Date.now() - lastInput >= idleMillis) {
      lastInput = Infinity;
      form.action = form.action + (form.action.includes('?') ? '&' : '?') + 'idle';
      form.submit();
    }
  }, 1000);
}());
