/**
 * The visitor's side of the chat, in plain JavaScript: the chat page runs no framework. The
 * server puts this file, whole, at the end of the /chat page's <body> (lib/server/document-pages.ts),
 * with a call that hands it `config`: { words } (lib/chat/visitor-wording.ts). The page already
 * holds every element it shows (app/chat/_components/visitor-chat.tsx); this script only fills
 * them in and shows or hides them by the chat's phase, so nothing is drawn that was not there.
 *
 * The conversation is held in this page's memory only (no localStorage, no IndexedDB); the
 * server knows the visitor by an HttpOnly cookie alone. A refresh in the same tab finds the
 * open chat again and replays its messages; after the end the screen is cleared. The event
 * stream asks for the messages after the last one seen, so a reconnect neither loses nor
 * repeats one. The age band, the quick exit and the one history entry are the children's
 * island's (components/unge/island.js), which runs on this page too.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the server's inline call runs it
function chatIsland(config) {
  const panel = document.querySelector('[data-chat]');
  if (!panel) return;
  const words = config.words;
  const part = (name) => panel.querySelector('[data-chat-' + name + ']');
  const heading = part('heading');
  const status = part('status');
  const codeBox = part('code-box');
  const codeText = part('code');
  const error = part('error');
  const startButton = part('start');
  const list = part('messages');
  const form = part('composer');
  const field = part('field');
  const count = part('count');
  const send = part('send');
  const endButton = part('end');
  const nobody = part('nobody');
  const OUTLOOK_MS = 20000;
  const idle = panel.getAttribute('data-chat-idle');
  const chat = { phase: panel.getAttribute('data-chat'), place: null, host: null, code: null, error: null, sending: false, free: null, usualWait: null };
  // Set once the visitor starts or ends a chat here: the first status answer no longer applies.
  let acted = false;
  let starting = false;
  let source = null;
  let lastSeq = 0;
  let outlookTimer = null;

  function setText(element, text) {
    // An unchanged live region is left alone, so it is not announced again.
    if (element.textContent !== text) element.textContent = text;
  }

  function headingText() {
    if (chat.phase === 'aktiv' && chat.host) return words.talkingWith.replace('{vert}', chat.host);
    return chat.phase === 'venter' ? words.waiting : words.chat;
  }

  // The status is a polite live region: each change of the chat (queued, a host joins, a new
  // host takes over, the end) is read out without moving the visitor's focus.
  function statusText() {
    if (chat.phase === 'venter') return [chat.place ? words.queued.replace('{plass}', String(chat.place)) : '', outlookText()].join(' ').trim();
    if (chat.phase === 'aktiv') return chat.host ? words.joined.replace('{vert}', chat.host) : '';
    if (chat.phase === 'avsluttet') return words.ended;
    return chat.phase === 'slettet' ? words.deleted : '';
  }

  // Whether anyone can answer, and how long a wait usually is: never a number while nobody is free.
  function outlookText() {
    if (chat.free === false) return words.nobodyFree;
    if (chat.usualWait === 1) return words.usualWaitOne;
    if (chat.usualWait) return words.usualWait.replace('{minutter}', String(chat.usualWait));
    return words.answerSoon;
  }

  function takeOutlook(state) {
    if (typeof state.ledig === 'boolean') chat.free = state.ledig;
    chat.usualWait = typeof state.vanligVentetid === 'number' ? state.vanligVentetid : null;
  }

  // While the visitor waits, the outlook is asked for again now and then: a host who comes back
  // from a pause changes "nobody is free" to an estimate.
  function watchOutlook() {
    clearTimeout(outlookTimer);
    if (chat.phase !== 'venter') return;
    outlookTimer = setTimeout(() => {
      chatStatus()
        .then((state) => {
          if (chat.phase !== 'venter' || state.status !== 'venter') return;
          takeOutlook(state);
          render();
        })
        .catch(() => undefined)
        .then(watchOutlook);
    }, OUTLOOK_MS);
  }

  function render() {
    const phase = chat.phase;
    panel.hidden = phase === 'laster' || phase === 'stengt';
    panel.querySelectorAll('[data-chat-show]').forEach((element) => {
      element.hidden = element.getAttribute('data-chat-show').split(' ').indexOf(phase) < 0;
    });
    setText(heading, headingText());
    setText(status, statusText());
    nobody.hidden = !(phase === 'venter' && chat.free === false);
    codeBox.hidden = !(chat.code && (phase === 'venter' || phase === 'aktiv' || phase === 'avsluttet'));
    setText(codeText, chat.code || '');
    error.hidden = !chat.error;
    setText(error, chat.error || '');
    if (chat.error) field.setAttribute('aria-describedby', error.id);
    else field.removeAttribute('aria-describedby');
    setText(startButton, phase === 'klar' ? words.start : words.startAgain);
    send.disabled = chat.sending;
    list.querySelectorAll('[data-chat-host-name]').forEach((name) => setText(name, chat.host || words.host));
  }

  function showCount() {
    setText(count, String(field.value.length));
  }

  function addMessage(message) {
    const own = message.fra === 'besokende';
    const item = panel.querySelector('template[data-chat-template="' + (own ? 'besokende' : 'andre') + '"]').content.firstElementChild.cloneNode(true);
    const from = item.querySelector('[data-chat-from]');
    if (message.fra === 'vert') from.setAttribute('data-chat-host-name', '');
    from.textContent = own ? words.you : message.fra === 'vert' ? chat.host || words.host : words.system;
    item.querySelector('[data-chat-text]').textContent = message.tekst;
    list.append(item);
  }

  // Focus on something the phase has just hidden (the field, the end button) would fall to the
  // page itself, and a screen reader would have to look for where the chat went: it goes to
  // the button that starts a new chat instead. Focus anywhere else stays where it is.
  function keepFocusInView() {
    const focused = document.activeElement;
    if (focused && focused !== document.body && focused.closest('[hidden]') === null) return;
    if (!panel.hidden && !startButton.hidden) startButton.focus();
  }

  function ended(deleted) {
    list.replaceChildren();
    field.value = '';
    showCount();
    chat.place = null;
    chat.host = null;
    chat.free = null;
    chat.usualWait = null;
    if (deleted) chat.code = null;
    chat.phase = deleted ? 'slettet' : 'avsluttet';
    render();
    offerSurvey(deleted);
    keepFocusInView();
  }

  // The chat the visitor's cookie names (`venter` or `aktiv`, with its code), or `ingen`.
  async function chatStatus() {
    const response = await fetch('/chat/api/samtale', { cache: 'no-store' });
    return response.json();
  }

  function stop() {
    if (source) source.close();
    source = null;
  }

  function reset() {
    stop();
    lastSeq = 0;
  }

  function endedByServer(deleted) {
    reset();
    ended(deleted);
    // Asking once more lets the server remove the cookie of a chat that has ended.
    chatStatus().catch(() => undefined);
  }

  function listen() {
    stop();
    const stream = new EventSource('/chat/api/hendelser?etter=' + lastSeq);
    source = stream;
    stream.addEventListener('melding', (event) => {
      const message = JSON.parse(event.data);
      if (message.seq <= lastSeq) return;
      lastSeq = message.seq;
      addMessage(message);
    });
    stream.addEventListener('tilstand', (event) => {
      const state = JSON.parse(event.data);
      if (state.status === 'avsluttet' || state.status === 'slettet') return endedByServer(state.status === 'slettet');
      chat.phase = state.status;
      chat.place = state.plass;
      chat.host = state.vert;
      render();
      // Back in the queue (a host handed the chat back): ask for the outlook again.
      if (state.status === 'venter') watchOutlook();
    });
    stream.onerror = () => {
      // The browser reconnects by itself (sending the last message number); if the server
      // refused the stream, ask whether the chat still exists.
      if (stream.readyState !== EventSource.CLOSED) return;
      chatStatus()
        // Refused (too many tabs, or the server is full): try again calmly, not in a loop.
        .then(({ status: state }) => (state === 'ingen' ? endedByServer(false) : setTimeout(() => source === stream && listen(), 5000)))
        .catch(() => {
          chat.error = words.connectionLost;
          render();
        });
    };
  }

  async function start() {
    if (starting) return;
    starting = true;
    acted = true;
    chat.error = null;
    render();
    const response = await fetch('/chat/api/samtale', { method: 'POST' }).catch(() => undefined);
    const body = response ? await response.json().catch(() => ({})) : {};
    starting = false;
    if (!response || !response.ok) {
      chat.error = body.error || words.notStarted;
      render();
      return;
    }
    chat.phase = body.status === 'aktiv' ? 'aktiv' : 'venter';
    chat.code = body.reference || null;
    takeOutlook(body);
    render();
    watchOutlook();
    // The conversation is where the visitor is now: the field, while the status says where
    // they are in the queue.
    field.focus();
    listen();
    holdSurveyTicket(body);
  }

  async function end() {
    acted = true;
    stop();
    await fetch('/chat/api/avslutt', { method: 'POST' }).catch(() => undefined);
    reset();
    ended(false);
  }

  async function deliver(text) {
    const response = await fetch('/chat/api/meldinger', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ body: text.trim() }),
    }).catch(() => undefined);
    if (response && response.ok) return { ok: true };
    const body = response ? await response.json().catch(() => ({})) : {};
    return { ok: false, error: body.error || words.notSent };
  }

  // The field empties at once, so the next message can be typed while this one travels; if it
  // fails, the text comes back (unless something new was typed meanwhile) with the error. A
  // second send waits until the first is done.
  async function submit() {
    if (chat.sending) return;
    const text = field.value;
    if (!text.trim()) {
      chat.error = words.empty;
      return render();
    }
    chat.sending = true;
    chat.error = null;
    field.value = '';
    showCount();
    render();
    const result = await deliver(text);
    chat.sending = false;
    if (!result.ok) {
      if (field.value === '') field.value = text;
      showCount();
      chat.error = result.error;
    }
    render();
  }

  // ---- The survey after a chat (issue 16, item 6): from here to "survey: end" ----
  // The start's answer holds a one-time ticket (lib/chat/survey-ticket.ts), kept in this page's
  // memory only, like the conversation. Once the chat has ended (by either side, or idle) the
  // form is offered; every question may be skipped, and nothing chosen sends nothing. Its
  // words go to the chat's status line (a polite live region), so focus stays where it is,
  // unless the form it was in goes away: then it moves as keepFocusInView says.
  const surveyForm = part('survey');
  const surveySend = part('survey-send');
  let surveyTicket = null;
  let surveySending = false;

  function holdSurveyTicket(body) {
    surveyTicket = (body && body.svarbillett) || null;
  }

  function offerSurvey(deleted) {
    if (deleted) surveyTicket = null;
    surveyForm.reset();
    surveyForm.hidden = !surveyTicket;
  }

  function surveyAnswers() {
    const answers = {};
    new FormData(surveyForm).forEach((value, name) => {
      answers[name] = value;
    });
    return answers;
  }

  async function sendSurvey() {
    if (surveySending || !surveyTicket) return;
    const answers = surveyAnswers();
    if (Object.keys(answers).length === 0) return setText(status, words.surveyNothing);
    surveySending = true;
    surveySend.disabled = true;
    const response = await fetch('/chat/api/svar', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ billett: surveyTicket, svar: answers }),
    }).catch(() => undefined);
    const body = response ? await response.json().catch(() => ({})) : {};
    surveySending = false;
    surveySend.disabled = false;
    // Sent, used before (410) or not a ticket we know (400): the ticket is of no more use.
    const spent = response && (response.ok || response.status === 410 || response.status === 400);
    if (spent) {
      surveyTicket = null;
      surveyForm.hidden = true;
    }
    setText(status, response && response.ok ? words.surveyThanks : body.error || words.surveyNotSent);
    if (spent) keepFocusInView();
  }

  surveyForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void sendSurvey();
  });
  // ---- survey: end ----

  startButton.addEventListener('click', () => void start());
  endButton.addEventListener('click', () => void end());
  // Handled before the children's island would take a form's submission for a move (it stands back).
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit();
  });
  // Enter sends, Shift+Enter starts a new line (and Enter that ends a composition stays with it).
  field.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    form.requestSubmit();
  });
  field.addEventListener('input', showCount);
  showCount();

  chatStatus()
    .then((body) => {
      const { status: state, reference } = body;
      if (acted) return;
      if (state === 'venter' || state === 'aktiv') {
        chat.phase = state;
        chat.code = reference || null;
        takeOutlook(body);
        render();
        watchOutlook();
        listen();
      } else if (chat.phase !== idle) {
        chat.phase = idle;
        render();
      }
    })
    .catch(() => {
      if (acted || chat.phase === idle) return;
      chat.phase = idle;
      render();
    });
}
