/* Fishbowl Desktop — the room's phone page. Plain ES5 for five-year-old phone browsers: no modules, no
   arrow functions, no fetch. Everything a person typed is set with textContent, never as markup. */
(function () {
  "use strict";
  /* The hall's words, one JSON file per language (assets/room/i18n/), served as texts.js. Every phone speaks
     its own language: the one chosen on this phone (remembered), else the browser's, else the event's. */
  var TEXTS = window.FISHBOWL_TEXTS || { order: ["en"], rtl: [], texts: { en: {} } };
  var body = document.body;
  var kind = body.getAttribute("data-kind");
  var base = body.getAttribute("data-base");
  var LANG_KEY = "fishbowl-lang";
  function known(code) { return !!code && TEXTS.texts.hasOwnProperty(code); }
  function savedLang() { try { return window.localStorage.getItem(LANG_KEY); } catch (e) { return null; } }
  function browserLang() {
    var asked = body.getAttribute("data-lang"), list = navigator.languages || [navigator.language || ""], i, code;
    if (known(asked)) { return asked; }  /* the server read Accept-Language: the first paint was already right */
    for (i = 0; i < list.length; i++) { code = String(list[i]).split("-")[0].toLowerCase(); if (known(code)) { return code; } }
    return "";
  }
  var chosen = known(savedLang()) ? savedLang() : browserLang();  /* "": follow the event's language */
  var lang = chosen || "en";
  var interp = null;  /* the interpreters' link only: who speaks, who is next, each one's language */
  var state = null, mine = null, ws = null, opened = false, everOpened = false, backoff = 1000;
  var samples = [], pin = "", pingTimer = null, renderTimer = null, lastText = null;
  /* The phone's own request. `mine` is only ever what the server said (null before it spoke, "none" when it
     has nothing); `outbox` is a request typed but not confirmed yet, sent when the connection allows;
     `leaving` a withdraw not confirmed yet. Nothing says "sent" before the server does. */
  var outbox = null, leaving = false, note = "", mineSeen = false;
  var calm = window.matchMedia ? window.matchMedia("(prefers-reduced-motion: reduce)") : null;
  function active(st) { return st === "pending" || st === "queued" || st === "turn"; }
  function hadKey() { return "fishbowl-had-" + base; }
  function setHad(on) {
    try { if (on) { window.localStorage.setItem(hadKey(), "1"); } else { window.localStorage.removeItem(hadKey()); } }
    catch (e) { /* private mode: the phone forgets across a reload */ }
  }
  function had() { try { return window.localStorage.getItem(hadKey()) === "1"; } catch (e) { return false; } }

  function $(id) { return document.getElementById(id); }
  function tr(key, n) {
    var s = (TEXTS.texts[lang] || {})[key] || TEXTS.texts.en[key] || key;
    return n === undefined ? s : s.replace("{n}", n);
  }
  /* A name inside a sentence keeps its own direction (an Arabic name in a German line, or the reverse). */
  function isolate(s) { return "\u2068" + s + "\u2069"; }
  function applyLang() {
    lang = chosen || (state && known(state.lang) ? state.lang : "en");
    var root = document.documentElement, dir = TEXTS.rtl.indexOf(lang) >= 0 ? "rtl" : "ltr";
    if (root.lang !== lang) { root.lang = lang; }
    if (root.dir !== dir) { root.dir = dir; }
    var pick = $("lang_pick"), i, o;
    if (!pick.options.length) {
      for (i = 0; i < TEXTS.order.length; i++) {
        if (!known(TEXTS.order[i])) { continue; }
        o = document.createElement("option"); o.value = TEXTS.order[i]; o.lang = TEXTS.order[i];
        o.dir = TEXTS.rtl.indexOf(TEXTS.order[i]) >= 0 ? "rtl" : "ltr";
        o.textContent = TEXTS.texts[TEXTS.order[i]].language_name; pick.appendChild(o);
      }
    }
    if (pick.value !== lang) { pick.value = lang; }
  }
  function warningText(sec) {
    var whole = Math.max(1, Math.round(sec));
    if (whole % 60 === 0) { return whole === 60 ? tr("warning_minute") : tr("warning_minutes", whole / 60); }
    return whole === 1 ? tr("warning_second") : tr("warning_seconds", whole);
  }
  function nextText() {
    var names = (state && state.next_names) || [], out = [], i;
    for (i = 0; i < names.length; i++) { out.push(isolate(names[i] === null ? tr("guest") : names[i])); }
    return out.length ? tr("next") + " " + out.join(" · ") : "";
  }
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
    c += mineClasses();
    if (kind === "control" && pinAccepted && pin) { c += " unlocked"; }
    if (body.className !== c + extra) { body.className = c + extra; }
  }

  function render() {
    var extra = "", text = "", badge = "", rem, delay = 250;
    applyLang();
    if (state) {
      setText("title", state.title || tr("app"));
      if (document.title !== (state.title || tr("app"))) { document.title = state.title || tr("app"); }
      setText("topic", state.topic || "");
      setText("message", state.message || "");
      setText("next", nextText());
      setText("speaker", state.mode === "timer" ? (state.guest ? tr("guest") : (state.speaker || "")) : "");
      setText("detail", state.mode === "timer" && state.role ? tr(state.role) + (state.org ? " · " + isolate(state.org) : "") : "");
      setText("countlabel", state.mode === "countdown" ? tr(state.count_key + (state.done ? "_done" : "")) : "");
      if (state.mode === "timer") {
        rem = remaining();
        text = fmt(rem);
        if (!state.started) { extra = " phase-ready"; }
        else if (rem <= 0) {
          extra = " phase-overtime"; badge = tr("time_up");
          if (!state.flash || (calm && calm.matches) || !state.run || Math.floor(-rem + 1e-9) % 2 === 0) {
            extra += " frame"; /* steady, never blinking, for a phone that asks for less motion */
          }
        } else if (rem <= state.warn) { extra = " phase-warning"; badge = warningText(state.warn); }
        else { extra = " phase-running"; }
        if (state.started && !state.run) { extra += " paused"; if (rem > 0) { badge = tr("paused"); } }
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
    if (!state) {  /* connecting, or a revoked link: nothing of an old stage stays on the phone */
      setText("title", tr("app"));
      var gone = ["topic", "message", "next", "speaker", "detail", "countlabel"], g;
      for (g = 0; g < gone.length; g++) { setText(gone[g], ""); }
    }
    setText("conn", revoked ? tr("revoked") : busy ? tr("busy") : everOpened ? tr("lost") : tr("connecting"));
    if (text !== lastText) { lastText = text; body.setAttribute("data-shown", text); }
    decide();
    classes(extra);
    renderMine();
    renderInterp();
    labels();
    keepFocus();
    clearTimeout(renderTimer);
    renderTimer = setTimeout(render, Math.min(delay, 250));
  }

  /* As large as the screen allows: the width the digits need in the font the phone really uses (measured,
     as the projector does: DejaVu Sans's digits and "+" are far wider than an average font's), capped by a
     share of the height. Every digit is measured as "0", so the size does not twitch from second to second. */
  var fitted = "", ruler = null;
  function emWidth(text) {
    var el = $("time"), cs = window.getComputedStyle ? window.getComputedStyle(el) : null;
    if (ruler === null) { var c = document.createElement("canvas"); ruler = (c.getContext && c.getContext("2d")) || false; }
    if (!ruler || !cs) { return 0.72 * Math.max(4, text.length); }
    ruler.font = (cs.fontWeight || "bold") + " 100px " + cs.fontFamily;
    return ruler.measureText(text.replace(/[0-9]/g, "0")).width / 100;
  }
  function fitTime(text) {
    var w = window.innerWidth || 390, h = window.innerHeight || 844;
    var share = kind === "timer" ? 0.42 : 0.2;
    if (state && state.mode === "countdown") { share = kind === "timer" ? 0.3 : 0.16; }
    var room = $("time").clientWidth || (w - 20);
    var pattern = text.replace(/[0-9]/g, "0");
    var key = pattern + "/" + room + "/" + h + "/" + share;
    if (key === fitted || !text) { return; }
    fitted = key;
    var size = Math.floor(Math.min(room * 0.96 / Math.max(emWidth(pattern), 2.4), h * share));
    $("time").style.fontSize = size + "px";
  }

  function labels() {
    var keys = ["lang_label", "ask_title", "name_label", "group_label", "consent_label", "send", "withdraw", "pin_title", "pin_ok",
                "pin_label", "msg_label", "b_toggle", "b_add", "b_take", "b_next", "b_blank", "b_msg", "b_clear"], i;
    for (i = 0; i < keys.length; i++) { setText(keys[i], tr(keys[i] === "lang_label" ? "language" : keys[i])); }
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

  /* What the audience panel shows: the request on its way or the server's word on it, else the form (with a
     notice above it: declined, gone, withdrawn, thanks) — never a dead end. */
  var view = { text: "", ask: false, mine: false, cls: "" };
  function decide() {
    var st = mine ? mine.st : null, text = "", cls = "";
    if (leaving) { text = tr("withdrawing"); }
    else if (outbox) { text = opened && mineSeen ? tr("sending") : tr("unsent"); cls = opened ? "sending" : "unsent"; }
    else if (st === "pending") { text = tr("pending"); cls = "pending"; }
    else if (st === "queued") { text = mine.pos === 1 ? tr("you_next") : tr("queued", mine.pos); cls = mine.pos === 1 ? "next" : "queued"; }
    else if (st === "turn") { text = tr("turn"); cls = "turn"; }
    view = { text: text, mine: text !== "", ask: text === "", cls: cls };
  }
  function mineClasses() {
    if (kind !== "audience") { return ""; }
    return (view.mine ? " has-mine" : "") + (view.ask ? " ask-open" : "") + (view.cls ? " st-" + view.cls : "");
  }
  function renderMine() {
    if (kind !== "audience") { return; }
    setText("mine_text", view.text);
    setText("note", view.ask && note ? tr(note) : "");
    var st = mine ? mine.st : null;
    $("withdraw").style.display = view.mine && !leaving && (outbox || st === "pending" || st === "queued") ? "block" : "none";
  }
  /* A button or form that disappears under the focus hands it to what took its place, never to nowhere. */
  function keepFocus() {
    var a = document.activeElement, panel = $(kind === "control" ? "control" : "audience");
    if (!a || a === body || !panel.contains(a) || a.offsetParent !== null) { return; }
    if (kind === "control") { $(pinAccepted ? "b_toggle" : "pin").focus(); return; }
    $(view.mine ? "mine_text" : ($("note").textContent ? "note" : "name")).focus();
  }
  /* A line that starts where the page's language starts (right in Arabic), holding a text in its own direction
     (a German name on an Arabic page, an Arabic language on a German one): a <bdi> in a block. */
  function isolated(cls, s) {
    var line = document.createElement("span"), inner = document.createElement("bdi");
    line.className = cls; inner.textContent = s; line.appendChild(inner);
    return line;
  }
  function personRow(p) {
    var row = document.createElement("div");
    row.className = "who";
    row.appendChild(isolated("who_name", p.name === null ? tr("guest") : p.name));
    row.appendChild(isolated("who_lang" + (p.lang ? "" : " unknown"), p.lang || tr("i_unknown")));
    return row;
  }
  function people(id, list, empty) {
    var box = $(id), key = lang + "\n" + JSON.stringify(list) + "\n" + empty, i, p;
    if (box.getAttribute("data-key") === key) { return; }
    box.setAttribute("data-key", key);
    while (box.firstChild) { box.removeChild(box.firstChild); }
    if (!list.length && empty) { p = document.createElement("p"); p.className = "quiet"; p.textContent = empty; box.appendChild(p); }
    for (i = 0; i < list.length; i++) { box.appendChild(personRow(list[i])); }
  }
  function renderInterp() {
    if (kind !== "interpreter") { return; }
    var i = interp || {}, waiting = i.next || [], circle = i.circle || [];
    setText("i_title", tr("i_title"));
    setText("h_now", tr("i_now"));
    setText("h_next", tr("i_next"));
    setText("h_then", waiting.length > 1 ? tr("i_then") : "");
    setText("h_circle", circle.length ? tr("i_circle") : "");
    people("i_now", i.now ? [i.now] : [], interp ? tr("i_nobody") : "");
    people("i_next", waiting.slice(0, 1), interp ? tr("i_empty") : "");
    people("i_then", waiting.slice(1), "");
    people("i_circle", circle, "");
  }
  function onMine(m) {
    mineSeen = true;
    mine = m;
    if (leaving && active(mine.st)) { send({ t: "withdraw" }); return; }  /* asked offline: now it goes */
    if (active(mine.st)) { outbox = null; note = ""; setHad(true); setText("err", ""); return; }
    if (leaving) { leaving = false; note = "withdrawn"; }
    else if (mine.st === "declined") { note = "declined"; }
    else if (mine.st === "closed") { note = "closed"; }
    else if (mine.st === "gone" || (had() && !outbox)) { note = "gone"; }
    setHad(false);
    if (outbox) { send(outbox); }  /* typed while the connection was down: sent now, "sent" once confirmed */
  }

  function send(obj) { if (ws && opened) { try { ws.send(JSON.stringify(obj)); } catch (e) { /* reconnects */ } } }
  function ping() { send({ t: "ping", c: clock() }); }

  function connect() {
    var url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + base + "/ws?phone=" + phone;
    if (kind === "control" && !pin) { return; }
    opened = false; busy = false;
    try { ws = new WebSocket(url); } catch (e) { retry(); return; }
    ws.onopen = function () {
      opened = true; samples = []; mineSeen = false;
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
        if (kind === "control" && !pinAccepted) { pinAccepted = true; unlocking = true; }
      }
      else if (m.t === "mine") { onMine(m.m); }
      else if (m.t === "interp") { interp = m.i; }
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
        if (kind === "audience" && outbox) { outbox = null; render(); $("name").focus(); }
      }
      render();
      if (unlocking) { unlocking = false; $("b_toggle").focus(); }  /* unlocked: straight to the first control */
    };
    ws.onclose = function (ev) {
      opened = false;
      clearInterval(pingTimer);
      if (ev.code === 4001) { revoked = true; }
      if (revoked) { state = null; mine = null; interp = null; render(); return; }
      /* 4003: the PIN was wrong (or too many were); 1013: the link is full, which is never a wrong PIN. */
      if (kind === "control" && ev.code === 4003) {
        pin = ""; pinAccepted = false; setText("pin_err", pinError || tr("pin_bad")); pinError = ""; render();
        $("pin").focus(); $("pin").select(); return;
      }
      if (ev.code === 1013 || busy) { setText(kind === "control" ? "pin_err" : "conn", tr("busy")); }
      else if (kind === "control" && !pinAccepted) { setText("pin_err", tr("connecting")); }
      render();
      retry();
    };
  }
  var pinAccepted = false, revoked = false, busy = false, pinError = "", unlocking = false;
  function everOpenedWithPin() { return pinAccepted; }
  /* Back within a few seconds of the laptop: after a restart every phone must show its true state soon, so
     the wait stops growing at 4 s; up to 1 s of chance spreads a full hall's reconnects. */
  var retryTimer = null;
  function retry() {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(connect, backoff + Math.floor(Math.random() * 1000));
    backoff = Math.min(backoff * 2, 4000);
  }

  $("ask").onsubmit = function (ev) {
    ev.preventDefault();
    setText("err", "");
    note = "";
    outbox = { t: "request", name: $("name").value, group: $("group").value, consent: $("consent").checked };
    $("mine_name").textContent = "";
    $("mine_name").appendChild(isolated("", $("name").value));
    if (mineSeen) { send(outbox); }
    render();
    $("mine_text").focus();
  };
  $("withdraw").onclick = function () {
    setText("err", "");
    if (outbox && !(opened && mineSeen)) { outbox = null; note = "withdrawn"; }  /* never left the phone */
    else { leaving = true; if (mineSeen) { send({ t: "withdraw" }); } }
    render();
    $(view.mine ? "mine_text" : "note").focus();
  };
  $("pinform").onsubmit = function (ev) {
    ev.preventDefault(); pin = $("pin").value; setText("pin_err", ""); connect();
  };
  var buttons = document.querySelectorAll("#controls button[data-do]"), i;
  for (i = 0; i < buttons.length; i++) {
    buttons[i].onclick = function () { send({ t: "do", a: this.getAttribute("data-do") }); };
  }
  $("lang_pick").onchange = function () {
    chosen = this.value;
    try { window.localStorage.setItem(LANG_KEY, chosen); } catch (e) { /* private mode: for this visit */ }
    render();
  };
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
    else if (document.visibilityState === "visible" && ws && !opened && ws.readyState !== 0 && !revoked) {
      clearTimeout(retryTimer); connect();  /* the phone woke up: try now, not after the wait */
    }
  });
  document.addEventListener("click", wake);
  wake();

  window.addEventListener("resize", function () { fitted = ""; render(); });
  render();
  connect();
  window.fishbowlRoom = { offset: offset, remaining: remaining };
}());
