// Redraws the wallboard from each snapshot the server pushes over server-sent events. Instants arrive in
// ISO-8601 and are shown in this browser's time zone; durations arrive in seconds. Everything a user typed
// (queue and agent names) goes in as text, never as markup.
(function () {
  'use strict';

  const board = document.getElementById('board');
  if (!board) {
    return;
  }
  const SVG = 'http://www.w3.org/2000/svg';
  const LABELS = { AVAILABLE: 'Available', OFFERED: 'Being offered', BUSY: 'Busy', WRAP_UP: 'Wrap-up', AWAY: 'Away' };
  const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
  const withSeconds = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit', second: '2-digit' });
  const hourOnly = new Intl.DateTimeFormat(undefined, { hour: 'numeric' });
  // The server's clock minus this browser's, so that times in state count from the server's instants.
  let skew = 0;

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function stopwatch(seconds) {
    if (seconds == null) {
      return '–';
    }
    const s = Math.max(0, Math.floor(seconds));
    const two = (n) => String(n).padStart(2, '0');
    return s >= 3600 ? Math.floor(s / 3600) + ':' + two(Math.floor(s / 60) % 60) + ':' + two(s % 60)
      : Math.floor(s / 60) + ':' + two(s % 60);
  }

  function percent(value) {
    // A no-break space keeps the number and its sign together, as the server's page does.
    return value == null ? '–' : value + '\u00a0%';
  }

  function figure(label, field, value, big, suffix) {
    const box = element('div', big ? 'figure big' : 'figure');
    box.appendChild(element('dt', null, label));
    const dd = element('dd');
    // As on the server's page: the figure itself carries data-field, apart from any unit after it.
    const figureText = suffix ? element('span', null, value) : dd;
    figureText.textContent = value;
    figureText.dataset.field = field;
    if (suffix) {
      dd.append(figureText, ' ', element('small', null, suffix));
    }
    box.appendChild(dd);
    return box;
  }

  function renderQueues(snapshot) {
    const target = 'in ' + snapshot.serviceLevelSeconds + ' s';
    const list = document.getElementById('queue-list');
    list.replaceChildren(...snapshot.queues.map((queue, index) => {
      const card = element('article', 'queue');
      card.dataset.queue = queue.name;
      const title = element('h3', null, queue.name);
      title.id = 'queue-title-' + index;
      card.setAttribute('aria-labelledby', title.id);
      const figures = element('dl', 'figures');
      figures.append(
        figure('Waiting now', 'waitingNow', String(queue.waitingNow), true),
        figure('Longest wait', 'longestWait', stopwatch(queue.longestWaitSeconds), true),
        figure('Service level', 'serviceLevel', percent(queue.serviceLevelPercent), true, target),
        figure('Offered', 'offered', String(queue.offered)),
        figure('Answered', 'answered', String(queue.answered)),
        figure('Abandoned', 'abandoned', String(queue.abandoned)),
        figure('ASA', 'averageSpeedOfAnswer', stopwatch(queue.averageSpeedOfAnswerSeconds)),
        figure('AHT', 'averageHandleTime', stopwatch(queue.averageHandleTimeSeconds)));
      card.append(title, figures);
      return card;
    }));
    document.getElementById('no-queues').hidden = snapshot.queues.length > 0;
  }

  function renderAgents(snapshot) {
    const list = document.getElementById('agent-list');
    if (snapshot.presences.length === 0) {
      list.replaceChildren(element('p', 'empty', 'Nobody is signed in to take contacts.'));
    } else {
      list.replaceChildren(...snapshot.presences.map((group) => {
        const box = element('div', 'presence');
        box.dataset.presence = group.presence;
        const heading = element('h3');
        heading.append(element('span', null, LABELS[group.presence] || group.presence), ' ',
          element('span', 'count', String(group.agents.length)));
        const items = element('ul');
        items.append(...group.agents.map((agent) => {
          const item = element('li');
          const inState = element('span', 'in-state');
          if (agent.since) {
            inState.dataset.since = agent.since;
            inState.title = 'since ' + withSeconds.format(new Date(agent.since));
          }
          item.append(element('span', 'agent-name', agent.name), inState,
            element('span', 'today', agent.contactsToday + ' today'));
          return item;
        }));
        box.append(heading, items);
        return box;
      }));
    }
    document.getElementById('offline').textContent = snapshot.offline + ' offline';
    tick();
  }

  function svg(tag, attributes, text) {
    const node = document.createElementNS(SVG, tag);
    Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  /** Waiting contacts as a step line on the left scale, service level as a dashed line on the right one. */
  function renderChart(snapshot) {
    const chart = document.getElementById('chart');
    const width = 1200;
    const height = 260;
    const left = 44;
    const right = 56;
    const top = 10;
    const bottom = 28;
    const hour = 3600 * 1000;
    const samples = snapshot.series.map((s) => ({ t: Date.parse(s.at), waiting: s.waiting, level: s.serviceLevelPercent }));
    const now = Date.parse(snapshot.at);
    const first = samples.length ? samples[0].t : Date.parse(snapshot.dayStart);
    const start = Math.max(Date.parse(snapshot.dayStart), Math.floor(first / hour) * hour);
    const end = Math.max(start + hour, Math.ceil(now / hour) * hour);
    // A multiple of four, so that each of the four grid lines falls on a whole number of contacts.
    const most = Math.max(4, Math.ceil(Math.max(0, ...samples.map((s) => s.waiting)) / 4) * 4);
    const x = (t) => left + (t - start) / (end - start) * (width - left - right);
    const yWaiting = (n) => top + (1 - n / most) * (height - top - bottom);
    const yLevel = (p) => top + (1 - p / 100) * (height - top - bottom);
    const nodes = [];
    for (let i = 0; i <= 4; i++) {
      const y = top + i / 4 * (height - top - bottom);
      nodes.push(svg('line', { class: 'grid', x1: left, x2: width - right, y1: y, y2: y }));
      nodes.push(svg('text', { x: left - 8, y: y + 5, 'text-anchor': 'end' }, String(Math.round(most * (1 - i / 4)))));
      nodes.push(svg('text', { x: width - right + 8, y: y + 5 }, (100 - i * 25) + ' %'));
    }
    const every = (end - start) / hour > 12 ? 2 : 1;
    for (let t = start; t <= end; t += every * hour) {
      nodes.push(svg('text', { x: x(t), y: height - 6, 'text-anchor': 'middle' }, hourOnly.format(new Date(t))));
    }
    if (samples.length) {
      const steps = [];
      samples.forEach((s, i) => {
        if (i > 0) {
          steps.push(x(s.t) + ',' + yWaiting(samples[i - 1].waiting));
        }
        steps.push(x(s.t) + ',' + yWaiting(s.waiting));
      });
      nodes.push(svg('polyline', { class: 'waiting', points: steps.join(' ') }));
      let run = [];
      const runs = [];
      samples.forEach((s) => {
        if (s.level == null) {
          if (run.length) {
            runs.push(run);
          }
          run = [];
        } else {
          run.push(x(s.t) + ',' + yLevel(s.level));
        }
      });
      if (run.length) {
        runs.push(run);
      }
      runs.forEach((points) => nodes.push(points.length === 1
        ? svg('circle', { class: 'service-level', cx: points[0].split(',')[0], cy: points[0].split(',')[1], r: 3 })
        : svg('polyline', { class: 'service-level', points: points.join(' ') })));
    }
    chart.replaceChildren(...nodes);
    const last = samples.length ? samples[samples.length - 1] : null;
    document.getElementById('chart-summary').textContent = last
      ? 'Now ' + last.waiting + ' waiting; service level today ' + percent(last.level) + ' in '
        + snapshot.serviceLevelSeconds + ' s.'
      : 'No figures yet today.';
  }

  function tick() {
    const now = Date.now() + skew;
    document.querySelectorAll('.in-state[data-since]').forEach((span) => {
      span.textContent = stopwatch((now - Date.parse(span.dataset.since)) / 1000);
    });
  }

  function render(snapshot) {
    skew = Date.parse(snapshot.at) - Date.now();
    renderQueues(snapshot);
    renderAgents(snapshot);
    renderChart(snapshot);
    const updated = document.getElementById('updated');
    updated.dateTime = snapshot.at;
    updated.textContent = withSeconds.format(new Date(snapshot.at));
    const dayStart = document.getElementById('day-start');
    dayStart.dateTime = snapshot.dayStart;
    dayStart.textContent = timeOfDay.format(new Date(snapshot.dayStart));
  }

  function connection(text, lost) {
    const status = document.getElementById('connection');
    if (status.textContent !== text) {
      status.textContent = text;
    }
    status.classList.toggle('lost', lost);
  }

  render(JSON.parse(board.dataset.snapshot));
  setInterval(tick, 1000);
  if (window.EventSource) {
    const events = new EventSource(board.dataset.events);
    events.addEventListener('snapshot', (event) => {
      connection('Live', false);
      render(JSON.parse(event.data));
    });
    // EventSource reconnects by itself; say so, since the figures on the wall are growing old meanwhile.
    events.addEventListener('error', () => {
      // A closed source will not come back (signed out, or the server refused it): only a reload helps.
      if (events.readyState === EventSource.CLOSED) {
        connection('Disconnected: reload the page', true);
      } else {
        connection('Reconnecting…', true);
      }
    });
  } else {
    connection('Not live: reload to update', true);
  }
}());
