// Rewrites each <time class="local"> in this browser's time zone; the server wrote it in the practice's.
(function () {
  'use strict';

  const format = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  document.querySelectorAll('time.local[datetime]').forEach(function (time) {
    const at = new Date(time.dateTime);
    if (!Number.isNaN(at.getTime())) {
      time.textContent = format.format(at);
    }
  });
}());
