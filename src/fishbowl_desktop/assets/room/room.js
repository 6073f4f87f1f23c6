/* Fishbowl Desktop — the room's phone page. Plain ES5 for five-year-old phone browsers: no modules, no
   arrow functions, no fetch. Everything a person typed is set with textContent, never as markup. */
(function () {
  "use strict";
  var T = {
    en: {
      connecting: "Connecting…", lost: "Connection lost — reconnecting…", ask_title: "I'd like to take the free chair",
      name_label: "Your name, as you'd like to be called", group_label: "Group", no_group: "—",
      consent_label: "My name may be shown on the screen", send: "Ask for the free chair",
      pending: "Your request has been sent. The moderator will decide shortly.",
      declined: "The moderator could not take your request this time.",
      queued: "You are number {n} in the queue.", next: "You are next!",
      turn: "It is your turn — please come to the free chair.", closed: "Thank you! You can ask again.",
      withdraw: "Withdraw my request", e_name: "Please enter a name (1–80 characters).",
      e_rate: "Please wait a few seconds before asking again.", e_full: "The queue is full right now.",
      e_open: "You already have an open request.", e_group: "Please choose a group.",
      e_message: "The message is too long (at most 200 characters).",
      e_busy: "Many phones are asking right now — please try again in a minute.",
      e_paused: "The moderator has paused requests for the moment.", busy: "The room is full right now — trying again…",
      e_wait: "Too many wrong PINs — wait a few minutes and try again.",
      pin_title: "Control: enter the PIN shown on the console", pin_ok: "Unlock",
      pin_bad: "Wrong PIN, or too many tries — wait a minute and try again.", b_toggle: "Start / pause",
      b_add: "+30 s", b_take: "−30 s", b_next: "Next on the free chair", b_blank: "Blank screen",
      b_msg: "Show message", b_clear: "Clear message", msg: "Message for the screen", ready: "Ready",
      idle: "Waiting for the next speaker", revoked: "This link is no longer valid."
    },
    de: {
      connecting: "Verbinde …", lost: "Verbindung unterbrochen – verbinde neu …",
      ask_title: "Ich möchte auf den freien Stuhl", name_label: "Ihr Name, so wie Sie aufgerufen werden möchten",
      group_label: "Gruppe", no_group: "—", consent_label: "Mein Name darf auf der Leinwand erscheinen",
      send: "Für den freien Stuhl melden", pending: "Ihre Meldung ist angekommen. Die Moderation entscheidet gleich.",
      declined: "Die Moderation konnte Ihre Meldung diesmal nicht annehmen.",
      queued: "Sie sind Nummer {n} auf der Warteliste.", next: "Sie sind als Nächstes dran!",
      turn: "Sie sind dran – bitte kommen Sie zum freien Stuhl.",
      closed: "Danke! Sie können sich erneut melden.", withdraw: "Meldung zurückziehen",
      e_name: "Bitte geben Sie einen Namen ein (1–80 Zeichen).",
      e_rate: "Bitte warten Sie ein paar Sekunden, bevor Sie sich erneut melden.",
      e_full: "Die Warteliste ist gerade voll.", e_open: "Sie haben sich bereits gemeldet.",
      e_group: "Bitte wählen Sie eine Gruppe.", e_message: "Die Nachricht ist zu lang (höchstens 200 Zeichen).",
      e_busy: "Gerade melden sich sehr viele – bitte in einer Minute noch einmal versuchen.",
      e_paused: "Die Moderation nimmt gerade keine Meldungen an.", busy: "Der Raum ist gerade voll – neuer Versuch …",
      e_wait: "Zu viele falsche PINs – bitte ein paar Minuten warten.",
      pin_title: "Steuerung: Geben Sie die PIN ein, die an der Konsole steht", pin_ok: "Entsperren",
      pin_bad: "Falsche PIN oder zu viele Versuche – bitte eine Minute warten.", b_toggle: "Start / Pause",
      b_add: "+30 s", b_take: "−30 s", b_next: "Nächste Person auf den freien Stuhl", b_blank: "Leinwand schwarz",
      b_msg: "Nachricht zeigen", b_clear: "Nachricht löschen", msg: "Nachricht für die Leinwand", ready: "Bereit",
      idle: "Gleich spricht die nächste Person", revoked: "Dieser Link gilt nicht mehr."
    }
  };
  var body = document.body;
  var kind = body.getAttribute("data-kind");
  var base = body.getAttribute("data-base");
  var lang = (navigator.language || "en").slice(0, 2) === "de" ? "de" : "en";
  var state = null, mine = null, ws = null, opened = false, everOpened = false, backoff = 1000;
  var samples = [], pin = "", pingTimer = null, renderTimer = null, lastText = null;

  function $(id) { return document.getElementById(id); }
  function tr(key, n) { var s = (T[lang] || T.en)[key] || T.en[key] || key; return s.replace("{n}", n); }
  function setText(id, s) { var e = $(id); if (e && e.textContent !== s) { e.textContent = s; } }
  function clock() { return (window.performance && performance.now) ? performance.now() : Date.now(); }

  function phoneId() {
    var id = null, chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", i, r;
    try { id = window.localStorage.getItem("fishbowl-phone"); } catch (e) { id = null; }
    if (!id || !/^[A-Za-z0-9_-]{16,64}$/.test(id)) {
      id = "";
      var buf = (window.crypto && crypto.getRandomValues) ? crypto.getRandomValues(new Uint8Array(24)) : null;
      for (i = 0; i < 24; i++) { r = buf ? buf[i] : Math.floor(Math.random() * 256); id += chars.charAt(r % 62); }
      try { window.localStorage.setItem("fishbowl-phone", id); } catch (e2) { /* private mode: one per visit */ }
    }
    return id;
  }
  var phone = phoneId();

  /* NTP-style: each pong gives offset = server + rtt/2 − local; trust the sample with the smallest round trip. */
  function offset() {
    var best = null, i;
    for (i = 0; i < samples.length; i++) { if (best === null || samples[i].rtt < best.rtt) { best = samples[i]; } }
    return best ? best.off : (state ? state.at - state.recv : 0);
  }
  function serverNow() { return clock() + offset(); }

  function remaining() {
    if (!state || state.rem === undefined) { return 0; }
    return state.run ? state.rem - (serverNow() - state.at) / 1000 : state.rem;
  }
  function fmt(sec) {
    var whole, sign = "";
    if (sec >= 0) { whole = Math.ceil(sec - 1e-9); } else { whole = Math.floor(-sec + 1e-9); sign = "+"; }
    var m = Math.floor(whole / 60), s = whole % 60;
    return sign + m + ":" + (s < 10 ? "0" : "") + s;
  }

  function classes(extra) {
    var c = "kind-" + kind + " mode-" + (state ? state.mode : "connecting");
    if ((ws && !opened && everOpened) || revoked) { c += " lost"; }
    if (mine && mine.st !== "closed" ) { c += " has-mine st-" + (mine.st === "queued" && mine.pos === 1 ? "next" : mine.st); }
    if (kind === "control" && pinAccepted && pin) { c += " unlocked"; }
    if (body.className !== c + extra) { body.className = c + extra; }
  }

  function render() {
    var extra = "", text = "", badge = "", rem, delay = 250;
    if (state) {
      lang = state.lang === "de" ? "de" : "en";
      document.documentElement.lang = lang;
      setText("title", state.title || "");
      setText("topic", state.topic || "");
      setText("message", state.message || "");
      setText("next", state.next || "");
      setText("speaker", state.mode === "timer" ? (state.speaker || "") : "");
      setText("detail", state.mode === "timer" ? (state.detail || "") : "");
      setText("countlabel", state.mode === "countdown" ? (state.done ? state.done_label : state.label) : "");
      if (state.mode === "timer") {
        rem = remaining();
        text = fmt(rem);
        if (!state.started) { extra = " phase-ready"; }
        else if (rem <= 0) {
          extra = " phase-overtime"; badge = state.up_text;
          if (!state.flash || !state.run || Math.floor(-rem + 1e-9) % 2 === 0) { extra += " frame"; }
        } else if (rem <= state.warn) { extra = " phase-warning"; badge = state.warn_text; }
        else { extra = " phase-running"; }
        if (state.started && !state.run) { extra += " paused"; if (rem > 0) { badge = state.pause_text; } }
        var shown = Math.max(0, Math.ceil(rem - 1e-9));
        $("fill").style.width = (state.allot > 0 ? Math.min(100, 100 * shown / state.allot) : 0) + "%";
        if (state.run) { delay = (((rem % 1) + 1) % 1) * 1000 + 2; if (delay < 5) { delay += 1000; } }
      } else if (state.mode === "countdown") {
        var left = state.left - (serverNow() - state.at) / 1000;
        text = state.done ? "" : fmt(Math.max(0, left));
        delay = ((((left % 1) + 1) % 1) * 1000) + 2;
      } else if (state.mode === "idle") {
        setText("speaker", tr("idle"));
      }
    }
    setText("time", text);
    fitTime(text);
    setText("badge", badge);
    setText("conn", revoked ? tr("revoked") : busy ? tr("busy") : everOpened ? tr("lost") : tr("connecting"));
    if (text !== lastText) { lastText = text; body.setAttribute("data-shown", text); }
    classes(extra);
    renderMine();
    labels();
    clearTimeout(renderTimer);
    renderTimer = setTimeout(render, Math.min(delay, 250));
  }

  /* As large as the screen allows: the width the digits need, capped by a share of the height. */
  var fitted = "";
  function fitTime(text) {
    var w = window.innerWidth || 390, h = window.innerHeight || 844;
    var share = kind === "timer" ? 0.42 : 0.2;
    if (state && state.mode === "countdown") { share = kind === "timer" ? 0.3 : 0.16; }
    var size = Math.floor(Math.min(w * 0.92 / (0.6 * Math.max(4, text.length)), h * share));
    var key = text.length + "/" + w + "/" + h + "/" + share;
    if (key !== fitted) { fitted = key; $("time").style.fontSize = size + "px"; }
  }

  function labels() {
    var keys = ["ask_title", "name_label", "group_label", "consent_label", "send", "withdraw", "pin_title", "pin_ok",
                "b_toggle", "b_add", "b_take", "b_next", "b_blank", "b_msg", "b_clear"], i;
    for (i = 0; i < keys.length; i++) { setText(keys[i], tr(keys[i])); }
    if ($("msg").getAttribute("placeholder") !== tr("msg")) { $("msg").setAttribute("placeholder", tr("msg")); }
    var groups = (state && state.groups) || [], sel = $("group");
    $("group_row").style.display = groups.length ? "block" : "none";
    if (sel.getAttribute("data-groups") !== groups.join("\n")) {
      while (sel.firstChild) { sel.removeChild(sel.firstChild); }
      var none = document.createElement("option"); none.value = ""; none.textContent = tr("no_group");
      sel.appendChild(none);
      for (i = 0; i < groups.length; i++) {
        var o = document.createElement("option"); o.value = groups[i]; o.textContent = groups[i]; sel.appendChild(o);
      }
      sel.setAttribute("data-groups", groups.join("\n"));
    }
  }

  function renderMine() {
    if (!mine) { return; }
    var s = "";
    if (mine.st === "pending") { s = tr("pending"); }
    else if (mine.st === "declined") { s = tr("declined"); }
    else if (mine.st === "queued") { s = mine.pos === 1 ? tr("next") : tr("queued", mine.pos); }
    else if (mine.st === "turn") { s = tr("turn"); }
    setText("mine_text", s);
    $("withdraw").style.display = (mine.st === "pending" || mine.st === "queued") ? "block" : "none";
    if (mine.st === "closed") { setText("err", tr("closed")); }
  }

  function send(obj) { if (ws && opened) { try { ws.send(JSON.stringify(obj)); } catch (e) { /* reconnects */ } } }
  function ping() { send({ t: "ping", c: clock() }); }

  function connect() {
    var url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + base + "/ws?phone=" + phone;
    if (kind === "control" && !pin) { return; }
    opened = false; busy = false;
    try { ws = new WebSocket(url); } catch (e) { retry(); return; }
    ws.onopen = function () {
      opened = true; samples = [];
      /* The PIN goes as the first message, never in the URL (it would stay in the phone's history). */
      if (kind === "control") { try { ws.send(JSON.stringify({ t: "pin", pin: pin })); } catch (e) { /* closes */ } }
      var n = 0;
      clearInterval(pingTimer);
      ping();
      pingTimer = setInterval(function () { n++; ping(); if (n === 6) { clearInterval(pingTimer); pingTimer = setInterval(ping, 10000); } }, 250);
      render();
    };
    ws.onmessage = function (ev) {
      var m;
      try { m = JSON.parse(ev.data); } catch (e) { return; }
      if (m.t === "state") {
        state = m.s; state.recv = clock(); everOpened = true; backoff = 1000;
        if (kind === "control") { pinAccepted = true; }
      }
      else if (m.t === "mine") { mine = m.m; if (mine.st !== "closed") { setText("err", ""); } }
      else if (m.t === "pong") {
        var now = clock(), rtt = now - m.c;
        samples.push({ rtt: rtt, off: m.s + rtt / 2 - now });
        if (samples.length > 8) { samples.shift(); }
      } else if (m.t === "error" && m.e === "busy" && !everOpened) {
        busy = true;
      } else if (m.t === "error" && kind === "control" && (m.e === "pin" || m.e === "wait")) {
        pinError = tr(m.e === "wait" ? "e_wait" : "pin_bad");
      } else if (m.t === "error") {
        setText(kind === "control" ? "c_err" : "err", tr("e_" + m.e));
      }
      render();
    };
    ws.onclose = function (ev) {
      opened = false;
      clearInterval(pingTimer);
      if (ev.code === 4001) { revoked = true; }
      if (revoked) { state = null; mine = null; render(); return; }
      /* 4003: the PIN was wrong (or too many were); 1013: the link is full, which is never a wrong PIN. */
      if (kind === "control" && ev.code === 4003) {
        pin = ""; pinAccepted = false; setText("pin_err", pinError || tr("pin_bad")); pinError = ""; render(); return;
      }
      if (ev.code === 1013 || busy) { setText(kind === "control" ? "pin_err" : "conn", tr("busy")); }
      else if (kind === "control" && !pinAccepted) { setText("pin_err", tr("connecting")); }
      render();
      retry();
    };
  }
  var pinAccepted = false, revoked = false, busy = false, pinError = "";
  function everOpenedWithPin() { return pinAccepted; }
  function retry() {
    setTimeout(connect, backoff + Math.floor(Math.random() * 300));
    backoff = Math.min(backoff * 2, 30000);
  }

  $("ask").onsubmit = function (ev) {
    ev.preventDefault();
    setText("err", "");
    send({ t: "request", name: $("name").value, group: $("group").value, consent: $("consent").checked });
    mine = { st: "pending" };
    $("mine_name").textContent = $("name").value;
    render();
  };
  $("withdraw").onclick = function () { send({ t: "withdraw" }); mine = null; render(); };
  $("pinform").onsubmit = function (ev) {
    ev.preventDefault(); pin = $("pin").value; setText("pin_err", ""); connect();
  };
  var buttons = document.querySelectorAll("#controls button[data-do]"), i;
  for (i = 0; i < buttons.length; i++) {
    buttons[i].onclick = function () { send({ t: "do", a: this.getAttribute("data-do") }); };
  }
  $("msgform").onsubmit = function (ev) { ev.preventDefault(); setText("c_err", ""); send({ t: "do", a: "message", text: $("msg").value }); };
  $("b_clear").onclick = function () { $("msg").value = ""; send({ t: "do", a: "message", text: "" }); };

  /* Keep the screen on where the browser allows it; the lock is dropped whenever the page is hidden. */
  var lock = null;
  function wake() {
    if (navigator.wakeLock && navigator.wakeLock.request && document.visibilityState === "visible" && !lock) {
      navigator.wakeLock.request("screen").then(function (l) {
        lock = l; l.addEventListener("release", function () { lock = null; });
      }, function () { lock = null; });
    }
  }
  document.addEventListener("visibilitychange", function () {
    wake();
    if (document.visibilityState === "visible" && ws && opened) { samples = []; ping(); ping(); }
  });
  document.addEventListener("click", wake);
  wake();

  window.addEventListener("resize", function () { fitted = ""; render(); });
  render();
  connect();
  window.fishbowlRoom = { offset: offset, remaining: remaining };
}());
