/* Fishbowl Desktop — the lower third: the speaker's name and detail (role · organisation) as the projector shows
   them (the same privacy rules: "Guest" without consent), live from the room's server, hidden while nobody has the
   floor or the projector is blank. Plain ES5: browser sources are often older Chromium builds. */
(function () {
  "use strict";
  var body = document.body, base = body.getAttribute("data-base");
  var third = document.getElementById("third"), nameEl = document.getElementById("name");
  var detailEl = document.getElementById("detail");
  var ws = null, backoff = 500, retryTimer = null;
  if (/[?&]bg=green(&|$)/.test(window.location.search)) { body.className = "bg-green"; }

  function phoneId() {
    var chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", id = "", i, r;
    var buf = (window.crypto && crypto.getRandomValues) ? crypto.getRandomValues(new Uint8Array(24)) : null;
    for (i = 0; i < 24; i++) { r = buf ? buf[i] : Math.floor(Math.random() * 256); id += chars.charAt(r % 62); }
    return id;
  }
  var phone = phoneId();

  function render(s) {
    var on = !!(s && s.mode === "timer" && s.speaker);
    if (on) {
      if (nameEl.textContent !== s.speaker) { nameEl.textContent = s.speaker; }
      if (detailEl.textContent !== (s.detail || "")) { detailEl.textContent = s.detail || ""; }
      if (s.lang) { document.documentElement.lang = s.lang; }
    }
    third.className = on ? "third on" : "third";
    body.setAttribute("data-shown", on ? (s.speaker + "\n" + (s.detail || "")) : "");
  }

  function retry() {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(connect, backoff);
    backoff = Math.min(4000, backoff * 2);
  }

  function connect() {
    var url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + base + "/ws?phone=" + phone;
    try { ws = new WebSocket(url); } catch (e) { retry(); return; }
    ws.onopen = function () { backoff = 500; body.setAttribute("data-connected", "1"); };
    ws.onmessage = function (ev) {
      var msg;
      try { msg = JSON.parse(ev.data); } catch (e) { return; }
      if (msg && msg.t === "state") { render(msg.s); }
    };
    ws.onclose = function () {
      body.setAttribute("data-connected", "0");
      render(null);  /* nothing stale on air: a lost or renewed link shows no one */
      retry();
    };
  }
  connect();
}());
