// The agent desktop. Offers arrive over the event stream; each card is filled from /desk/contacts/{id}.
// Plain EventSource and fetch rather than htmx fragments: cards are built from JSON with textContent, so
// nothing a caller typed or said is ever parsed as HTML, and the pages' content security policy (no inline
// script or style) needs no exception. Times arrive as ISO instants and are shown in the viewer's time zone.
(function () {
  'use strict';

  const base = document.body.dataset.base || '/';
  const csrfToken = document.querySelector('meta[name="csrf-token"]').content;
  const csrfHeader = document.querySelector('meta[name="csrf-header"]').content;

  const cardsBox = document.getElementById('cards');
  const cardsEmpty = document.getElementById('cards-empty');
  const cardTemplate = document.getElementById('card-template');
  const todayList = document.getElementById('today-list');
  const todayEmpty = document.getElementById('today-empty');
  const todayTemplate = document.getElementById('today-template');
  const connection = document.getElementById('connection');
  const deskError = document.getElementById('desk-error');
  const announcer = document.getElementById('announcer');
  const presenceNow = document.getElementById('presence-now');
  const presenceFor = document.getElementById('presence-for');
  const wrapUpTimer = document.getElementById('wrap-up-timer');

  const CHANNELS = { VOICE: 'Call', SMS: 'Text', CHAT: 'Chat', CALLBACK: 'Callback', VOICEMAIL: 'Voicemail' };
  const PRESENCES = {
    OFFLINE: 'Offline', AVAILABLE: 'Available', OFFERED: 'Offer on screen', BUSY: 'On a contact',
    WRAP_UP: 'Wrapping up', AWAY: 'Away'
  };
  const PASSED = 'This offer has passed to someone else.';

  const clock = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
  const dayAndTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

  /** contactId → { element, data, expiresAt } */
  const cards = new Map();
  let presence = { presence: 'OFFLINE', since: null, wrapUpUntil: null };
  let stream = null;

  // ---- server calls -------------------------------------------------------------------------------------

  class Problem extends Error {
    constructor(status, detail) {
      super(detail);
      this.status = status;
    }
  }

  async function call(method, path, body) {
    const headers = { Accept: 'application/json' };
    if (method !== 'GET') {
      headers[csrfHeader] = csrfToken;
    }
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    let response;
    try {
      response = await fetch(base + path, {
        method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body)
      });
    } catch (e) {
      throw new Problem(0, 'Tandem cannot be reached. Check the network and try again.');
    }
    if (response.redirected && response.url.indexOf('/login') >= 0) {
      throw new Problem(401, 'You are signed out. Reload the page to sign in again.');
    }
    const text = await response.text();
    let data = null;
    if (text) {
      try {
        data = JSON.parse(text);
      } catch (e) {
        data = null;
      }
    }
    if (!response.ok) {
      throw new Problem(response.status, (data && data.detail) || 'Something went wrong (' + response.status + ').');
    }
    return data;
  }

  function showError(message) {
    deskError.textContent = message;
    deskError.hidden = !message;
  }

  function announce(message) {
    announcer.textContent = '';
    // A change after a tick is what makes screen readers read the same words twice.
    setTimeout(function () { announcer.textContent = message; }, 50);
  }

  // ---- presence -----------------------------------------------------------------------------------------

  function setPresence(next) {
    presence = next;
    presenceNow.textContent = PRESENCES[next.presence] || next.presence;
    document.querySelectorAll('.presence-button').forEach(function (button) {
      button.setAttribute('aria-pressed', String(button.dataset.presence === next.presence));
    });
    document.body.dataset.presence = next.presence;
    tick();
  }

  document.querySelectorAll('.presence-button').forEach(function (button) {
    button.addEventListener('click', async function () {
      unlockSound();
      showError('');
      try {
        setPresence(await call('POST', 'desk/presence', { presence: button.dataset.presence }));
      } catch (e) {
        showError(e.status === 409 ? 'Finish or transfer your open contacts first.' : e.message);
      }
    });
  });

  // ---- the event stream ---------------------------------------------------------------------------------

  function connect() {
    stream = new EventSource(base + 'desk/events');
    stream.addEventListener('ready', function () {
      connection.textContent = 'Connected. Offers appear here as they come.';
      connection.classList.remove('lost');
      refresh();
    });
    stream.addEventListener('offered', function (event) {
      const offer = JSON.parse(event.data);
      beep();
      showOffer(offer);
    });
    stream.addEventListener('offer-ended', function (event) {
      const ended = JSON.parse(event.data);
      const card = cards.get(ended.contactId);
      if (card && card.data && card.data.status !== 'OFFERED') {
        return;
      }
      const reason = ended.reason === 'timed-out' ? 'The offer ran out and went to someone else.'
        : ended.reason === 'withdrawn' ? 'The caller hung up before the offer was taken.' : null;
      if (card && reason) {
        gone(ended.contactId, reason);
      } else {
        removeCard(ended.contactId);
      }
    });
    // Taken or ended elsewhere too (the desk phone, the API): the card follows unless it already shows it.
    stream.addEventListener('assigned', function (event) {
      const id = JSON.parse(event.data).contactId;
      if (!showing(id, 'ASSIGNED')) {
        loadCard(id);
      }
      loadToday();
    });
    // Taken here, but the phone did not take the call: the caller is back in line for someone else.
    stream.addEventListener('requeued', function (event) {
      const id = JSON.parse(event.data).contactId;
      gone(id, 'Your phone did not take the call, so the caller went back to the queue at their place.');
      loadToday();
    });
    stream.addEventListener('completed', function (event) {
      const id = JSON.parse(event.data).contactId;
      if (cards.has(id) && !showing(id, 'COMPLETED')) {
        loadCard(id);
      }
      loadToday();
    });
    stream.addEventListener('presence', function (event) {
      setPresence(JSON.parse(event.data));
    });
    stream.addEventListener('replaced', function () {
      stream.close();
      connection.textContent = 'This desktop is open in another tab or window. Reload this page to use it here.';
      connection.classList.add('lost');
    });
    stream.onerror = function () {
      if (stream.readyState !== EventSource.CLOSED) {
        connection.textContent = 'Connection lost. Reconnecting…';
        connection.classList.add('lost');
      }
    };
  }

  /** What the server knows now: after a reconnect, offers may have come and gone unseen. */
  async function refresh() {
    try {
      const state = await call('GET', 'desk/state');
      setPresence(state);
      const current = new Set(state.open || []);
      if (state.offer) {
        current.add(state.offer.contactId);
        if (!cards.has(state.offer.contactId)) {
          showOffer(state.offer);
        }
      }
      (state.open || []).forEach(function (id) {
        if (!cards.has(id)) {
          loadCard(id);
        }
      });
      cards.forEach(function (card, id) {
        if (card.data && card.data.status === 'OFFERED' && !current.has(id)) {
          removeCard(id);
        }
      });
      loadToday();
    } catch (e) {
      showError(e.message);
    }
  }

  function showing(contactId, status) {
    const card = cards.get(contactId);
    return Boolean(card && card.data && card.data.status === status);
  }

  // ---- cards --------------------------------------------------------------------------------------------

  function field(element, name) {
    return element.querySelector('[data-field="' + name + '"]');
  }

  function part(element, name) {
    return element.querySelector('[data-part="' + name + '"]');
  }

  function newCard(contactId) {
    const element = cardTemplate.content.firstElementChild.cloneNode(true);
    element.dataset.contact = contactId;
    const title = element.querySelector('.client-name');
    title.id = 'card-title-' + contactId;
    element.setAttribute('aria-labelledby', title.id);
    element.querySelectorAll('[data-label-for]').forEach(function (label) {
      const control = field(element, label.dataset.labelFor);
      control.id = label.dataset.labelFor + '-' + contactId;
      label.htmlFor = control.id;
    });
    element.querySelectorAll('.wrap-up input[type=radio]').forEach(function (radio, i) {
      radio.name = 'disposition-' + contactId;
      radio.id = 'disposition-' + contactId + '-' + i;
    });
    wire(element, contactId);
    const card = { element: element, data: null, expiresAt: null };
    cards.set(contactId, card);
    cardsBox.prepend(element);
    cardsEmpty.hidden = true;
    return card;
  }

  function removeCard(contactId) {
    const card = cards.get(contactId);
    if (card) {
      card.element.remove();
      cards.delete(contactId);
    }
    cardsEmpty.hidden = cards.size > 0;
  }

  /** The card stays a moment with the reason, so that the agent sees why it went. */
  function gone(contactId, message) {
    const card = cards.get(contactId);
    if (!card) {
      return;
    }
    card.element.classList.add('gone');
    ['offer', 'work', 'wrap-up'].forEach(function (name) {
      part(card.element, name).hidden = true;
    });
    cardError(card.element, message);
    announce(message);
    card.data = Object.assign({}, card.data || {}, { status: 'GONE' });
    setTimeout(function () {
      if (cards.get(contactId) === card) {
        removeCard(contactId);
      }
    }, 8000);
  }

  function cardError(element, message) {
    const box = field(element, 'error');
    box.textContent = message || '';
    box.hidden = !message;
  }

  function showOffer(offer) {
    const card = cards.get(offer.contactId) || newCard(offer.contactId);
    card.expiresAt = offer.expiresAt ? Date.parse(offer.expiresAt) : null;
    field(card.element, 'channel').textContent = CHANNELS[offer.channel] || offer.channel;
    field(card.element, 'queue').textContent = offer.queue;
    field(card.element, 'status').textContent = 'Offered to you';
    mode(card.element, 'OFFERED');
    tick();
    loadCard(offer.contactId, true);
  }

  async function loadCard(contactId, offered) {
    try {
      const data = await call('GET', 'desk/contacts/' + encodeURIComponent(contactId));
      const card = cards.get(contactId) || newCard(contactId);
      fill(card, data);
      if (offered && data.status === 'OFFERED') {
        const typing = document.activeElement && /^(TEXTAREA|INPUT|SELECT)$/.test(document.activeElement.tagName);
        if (!typing) {
          card.element.querySelector('[data-action="accept"]').focus();
        }
        const seconds = card.expiresAt ? Math.max(0, Math.round((card.expiresAt - Date.now()) / 1000)) : null;
        announce('New ' + (CHANNELS[data.channel] || data.channel).toLowerCase() + ' offered: '
          + (data.client ? data.client.name : 'caller not identified')
          + (seconds === null ? '.' : '. ' + seconds + ' seconds to accept.'));
      }
    } catch (e) {
      if (e.status === 409 && cards.has(contactId)) {
        gone(contactId, offered ? PASSED : e.message);
      } else if (e.status !== 409) {
        showError(e.message);
      }
    }
  }

  function mode(element, status) {
    part(element, 'offer').hidden = status !== 'OFFERED';
    part(element, 'work').hidden = status !== 'ASSIGNED';
    part(element, 'wrap-up').hidden = status !== 'COMPLETED';
    element.dataset.status = status;
  }

  function fill(card, data) {
    if (card.data && card.data.status === 'GONE') {
      // A reply that set out before the contact went elsewhere: the card keeps saying why it went.
      return;
    }
    const element = card.element;
    card.data = data;
    card.expiresAt = data.offerExpiresAt ? Date.parse(data.offerExpiresAt) : card.expiresAt;
    field(element, 'channel').textContent = CHANNELS[data.channel] || data.channel;
    field(element, 'queue').textContent = data.queue;
    field(element, 'status').textContent = data.status === 'OFFERED' ? 'Offered to you'
      : data.status === 'ASSIGNED' ? 'Yours since ' + clock.format(new Date(data.assignedAt))
        : 'Ended: wrap up';
    field(element, 'name').textContent = data.client ? data.client.name : 'Caller not identified';
    field(element, 'pronouns').textContent = data.client && data.client.pronouns ? '(' + data.client.pronouns + ')' : '';

    const about = field(element, 'about');
    about.replaceChildren();
    term(about, 'Partner', data.partner
      ? data.partner.name + (data.partner.pronouns ? ' (' + data.partner.pronouns + ')' : '') : 'None on record');
    term(about, 'Where they are now', data.currentState || 'Not known');
    term(about, 'Language', data.language || 'Not known');
    if (data.populations && data.populations.length) {
      term(about, 'Who they are', data.populations.join(', '));
    }
    term(about, 'Waiting since', clock.format(new Date(data.arrivedAt)));

    const phones = field(element, 'phones');
    phones.replaceChildren();
    if (!data.client) {
      item(phones, 'Not identified: no safe-contact choices on record. Ask before calling back, texting or leaving a message.');
    } else if (!data.phones || !data.phones.length) {
      item(phones, 'No phone number on record.');
    }
    (data.phones || []).forEach(function (phone) {
      const li = document.createElement('li');
      const number = document.createElement('span');
      number.className = 'number';
      number.textContent = phone.number + (phone.label ? ' (' + phone.label + ')' : '');
      li.append(number, ' ');
      li.append(flag(phone.okToCall, 'OK to call', 'Do not call'), ' ');
      li.append(flag(phone.okToText, 'OK to text', 'Do not text'), ' ');
      li.append(flag(phone.okToLeaveDetailedVoicemail, 'Detailed voicemail OK', 'No detailed voicemail'));
      phones.append(li);
    });

    const choices = field(element, 'choices');
    choices.replaceChildren();
    (data.choices || []).forEach(function (choice) {
      term(choices, choice.label, choice.value);
    });
    if (!data.choices || !data.choices.length) {
      term(choices, 'Nothing', 'No menu choices came with this contact.');
    }

    const passed = field(element, 'why-passed');
    passed.replaceChildren();
    if (data.why) {
      field(element, 'why-step').textContent = data.why.step + '. You were ' + data.why.strategy + '.';
      item(passed, 'You passed: ' + data.why.passed.join('; ') + '.');
      if (data.why.scores && data.why.scores.length) {
        item(passed, 'Your fit points: ' + data.why.scores.map(function (s) {
          return s.criterion + ' ' + s.points;
        }).join('; ') + '.');
      } else {
        item(passed, 'No fit points: nothing in their needs set you apart, so the tie was broken by idle time.');
      }
      field(element, 'why-others').textContent = data.why.others;
    } else {
      field(element, 'why-step').textContent = 'No routing decision names you for this contact.';
      field(element, 'why-others').textContent = '';
    }

    const earlier = field(element, 'earlier');
    earlier.replaceChildren();
    (data.earlier || []).forEach(function (e) {
      item(earlier, dayAndTime.format(new Date(e.at)) + ': ' + (CHANNELS[e.channel] || e.channel) + ' in ' + e.queue
        + ', taken by ' + e.handledBy + (e.disposition ? ' (' + e.disposition + ')' : ''));
    });
    if (!data.earlier || !data.earlier.length) {
      item(earlier, data.client ? 'None recorded on the desktop before this one.' : 'Unknown: the caller was not identified.');
    }

    const note = field(element, 'note');
    const wrapNote = field(element, 'wrap-note');
    [note, wrapNote].forEach(function (area) {
      if (area && !area.dataset.dirty && document.activeElement !== area) {
        area.value = data.note || '';
      }
    });
    if (data.disposition) {
      const chosen = element.querySelector('.wrap-up input[value="' + data.disposition + '"]');
      if (chosen) {
        chosen.checked = true;
      }
    }
    mode(element, data.status);
    element.dataset.shownAt = String(performance.timeOrigin + performance.now());
    tick();
  }

  function term(list, name, value) {
    const dt = document.createElement('dt');
    dt.textContent = name;
    const dd = document.createElement('dd');
    dd.textContent = value;
    list.append(dt, dd);
  }

  function item(list, text) {
    const li = document.createElement('li');
    li.textContent = text;
    list.append(li);
  }

  function flag(ok, yes, no) {
    const span = document.createElement('span');
    span.className = 'flag ' + (ok ? 'yes' : 'no');
    span.textContent = ok ? yes : no;
    return span;
  }

  // ---- what the card's buttons do ------------------------------------------------------------------------

  function wire(element, contactId) {
    const act = function (name, handler) {
      const button = element.querySelector('[data-action="' + name + '"]');
      if (button) {
        button.addEventListener('click', async function () {
          unlockSound();
          cardError(element, '');
          button.disabled = true;
          try {
            await handler();
          } catch (e) {
            cardError(element, e.message);
          } finally {
            button.disabled = false;
          }
        });
      }
    };
    act('accept', async function () {
      try {
        fill(cards.get(contactId), await call('POST', 'desk/contacts/' + contactId + '/accept'));
        announce('Accepted.');
        const note = field(element, 'note');
        (note || element.querySelector('[data-action="end"]')).focus();
      } catch (e) {
        if (e.status === 409) {
          gone(contactId, PASSED);
          return;
        }
        throw e;
      }
    });
    act('decline', async function () {
      try {
        await call('POST', 'desk/contacts/' + contactId + '/decline');
      } catch (e) {
        if (e.status !== 409) {
          throw e;
        }
      }
      removeCard(contactId);
      announce('Declined.');
    });
    act('save-note', async function () {
      await saveNote(element, contactId);
      field(element, 'note-saved').textContent = 'Saved at ' + clock.format(new Date()) + '.';
    });
    act('end', async function () {
      await saveNote(element, contactId);
      const data = await call('POST', 'desk/contacts/' + contactId + '/end');
      const wrapNote = field(element, 'wrap-note');
      const note = field(element, 'note');
      if (wrapNote && note) {
        wrapNote.value = note.value;
      }
      fill(cards.get(contactId), data);
      announce('Contact ended. Choose how it ended.');
      element.querySelector('.wrap-up input[type=radio]').focus();
    });
    act('transfer', async function () {
      const queue = field(element, 'transfer').value;
      if (!queue) {
        throw new Problem(400, 'Choose the queue to transfer to.');
      }
      await saveNote(element, contactId);
      await call('POST', 'desk/contacts/' + contactId + '/transfer', { queue: queue });
      await loadCard(contactId);
      announce('Transferred to ' + queue + '. Choose how it ended.');
    });
    ['note', 'wrap-note'].forEach(function (name) {
      const area = field(element, name);
      if (area) {
        area.addEventListener('input', function () { area.dataset.dirty = 'true'; });
      }
    });
    part(element, 'wrap-up').addEventListener('submit', async function (event) {
      event.preventDefault();
      cardError(element, '');
      const chosen = element.querySelector('.wrap-up input[type=radio]:checked');
      if (!chosen) {
        cardError(element, 'Choose how the contact ended.');
        return;
      }
      const wrapNote = field(element, 'wrap-note');
      const body = { disposition: chosen.value };
      if (wrapNote) {
        body.note = wrapNote.value;
      }
      const submit = element.querySelector('.wrap-up button[type=submit]');
      submit.disabled = true;
      try {
        await call('PUT', 'desk/contacts/' + contactId + '/note', body);
        removeCard(contactId);
        announce('Wrap-up saved.');
        loadToday();
        document.querySelector('.now').focus();
      } catch (e) {
        cardError(element, e.message);
      } finally {
        submit.disabled = false;
      }
    });
  }

  async function saveNote(element, contactId) {
    const note = field(element, 'note');
    if (note && note.dataset.dirty) {
      await call('PUT', 'desk/contacts/' + contactId + '/note', { note: note.value });
      delete note.dataset.dirty;
    }
  }

  // ---- my contacts today --------------------------------------------------------------------------------

  async function loadToday() {
    const midnight = new Date();
    midnight.setHours(0, 0, 0, 0);
    try {
      const rows = await call('GET', 'desk/today?from=' + encodeURIComponent(midnight.toISOString()));
      todayList.replaceChildren();
      rows.forEach(function (row) {
        const li = todayTemplate.content.firstElementChild.cloneNode(true);
        li.dataset.contact = row.contactId;
        const time = field(li, 'time');
        time.dateTime = row.assignedAt;
        time.textContent = clock.format(new Date(row.assignedAt));
        field(li, 'channel').textContent = CHANNELS[row.channel] || row.channel;
        field(li, 'queue').textContent = row.queue;
        field(li, 'client').textContent = row.client || 'Caller not identified';
        field(li, 'outcome').textContent = row.disposition ? row.disposition
          : row.completedAt ? 'Not wrapped up yet' : 'In progress';
        const wrap = li.querySelector('[data-action="wrap-up"]');
        if (row.completedAt && !row.disposition) {
          wrap.hidden = false;
          wrap.setAttribute('aria-label', 'Wrap up the contact at ' + clock.format(new Date(row.assignedAt)));
          wrap.addEventListener('click', function () {
            loadCard(row.contactId);
          });
        }
        todayList.append(li);
      });
      todayEmpty.hidden = rows.length > 0;
    } catch (e) {
      showError(e.message);
    }
  }

  // ---- clocks -------------------------------------------------------------------------------------------

  function duration(ms) {
    const total = Math.max(0, Math.round(ms / 1000));
    const minutes = Math.floor(total / 60);
    const seconds = total % 60;
    if (minutes >= 60) {
      return Math.floor(minutes / 60) + ' h ' + (minutes % 60) + ' min';
    }
    return minutes + ':' + String(seconds).padStart(2, '0');
  }

  function tick() {
    const now = Date.now();
    presenceFor.textContent = presence.since ? 'for ' + duration(now - Date.parse(presence.since)) : '';
    if (presence.presence === 'WRAP_UP' && presence.wrapUpUntil) {
      const left = Date.parse(presence.wrapUpUntil) - now;
      wrapUpTimer.textContent = left > 0
        ? 'Wrap-up time: ' + duration(left) + ' left, then you are available again. Choose Available to be ready sooner.'
        : 'Wrap-up time is over.';
      wrapUpTimer.hidden = false;
    } else {
      wrapUpTimer.hidden = true;
    }
    cards.forEach(function (card) {
      if (card.element.dataset.status !== 'OFFERED' || !card.expiresAt) {
        return;
      }
      const left = card.expiresAt - now;
      const countdown = field(card.element, 'countdown');
      countdown.textContent = left > 0 ? duration(left) + ' left to accept' : 'Time is up';
      countdown.classList.toggle('urgent', left <= 5000);
    });
  }

  setInterval(tick, 250);

  // ---- sound --------------------------------------------------------------------------------------------

  let audio = null;

  /** Browsers let a page make sound only after the person has interacted with it. */
  function unlockSound() {
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) {
      return;
    }
    if (!audio) {
      audio = new Context();
    }
    if (audio.state === 'suspended') {
      audio.resume();
    }
  }

  function beep() {
    try {
      unlockSound();
      if (!audio) {
        return;
      }
      [0, 0.18].forEach(function (offset) {
        const start = audio.currentTime + offset;
        const tone = audio.createOscillator();
        const gain = audio.createGain();
        tone.type = 'sine';
        tone.frequency.value = 880;
        gain.gain.setValueAtTime(0.0001, start);
        gain.gain.exponentialRampToValueAtTime(0.25, start + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.14);
        tone.connect(gain).connect(audio.destination);
        tone.start(start);
        tone.stop(start + 0.15);
      });
    } catch (e) {
      // No sound is no reason to miss the offer: the card and the announcement still show it.
    }
  }

  document.addEventListener('keydown', unlockSound, { once: true });
  document.addEventListener('pointerdown', unlockSound, { once: true });

  connect();
}());
