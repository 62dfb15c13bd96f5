// The desk console's live updates. Every page works without this script (forms post, the list refreshes itself); with
// it, the case chat shows the owner's messages as they come and the list reloads when a case changes. The socket only
// says *that* something changed; the messages are read from the server after the last number shown, so a dropped or
// repeated notice, or a reconnect, never loses or doubles a message.
(function () {
  "use strict";
  var chat = document.getElementById("chat");
  var list = document.getElementById("desk-messages");
  var caseId = chat ? chat.getAttribute("data-case") : null;
  var after = chat ? Number(chat.getAttribute("data-after")) || 0 : 0;
  var version = chat ? Number(chat.getAttribute("data-version")) || 0 : 0;
  var onList = document.querySelector("[data-live=list]") !== null;
  var reading = false, again = false, delay = 1000, reloadTimer = null;

  function line(m) {
    var li = document.createElement("li");
    li.className = m.from === "owner" ? "desk-owner" : m.from === "staff" ? "desk-staff" : "desk-system";
    var who = document.createElement("span");
    who.className = "desk-who";
    who.textContent = m.who + "\u3000" + m.time;
    var said = document.createElement("span");
    said.className = "desk-said";
    said.textContent = m.text;
    li.appendChild(who);
    li.appendChild(said);
    return li;
  }

  function catchUp() {
    if (!caseId) return;
    if (reading) { again = true; return; }
    reading = true;
    fetch("/desk/cases/" + encodeURIComponent(caseId) + "/messages?after=" + after, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (body) {
        if (!body) return;
        var empty = document.getElementById("desk-no-messages");
        body.messages.forEach(function (m) {
          if (m.seq <= after) return;
          list.appendChild(line(m));
          after = m.seq;
          if (empty) { empty.remove(); empty = null; }
        });
        list.scrollTop = list.scrollHeight;
        // Taken, handed back or withdrawn elsewhere: the sheet's actions change, so it is drawn again (unless a reply is being written).
        var box = document.getElementById("text");
        if (body.version !== version && !(box && box.value.trim().length > 0)) location.reload();
      })
      .catch(function () { /* offline: the next notice or reconnect reads again */ })
      .then(function () { reading = false; if (again) { again = false; catchUp(); } });
  }

  function reloadList() {
    if (reloadTimer) return;
    reloadTimer = setTimeout(function () { location.reload(); }, 500);
  }

  function connect() {
    var socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/desk/live");
    socket.onopen = function () { delay = 1000; catchUp(); };
    socket.onmessage = function (e) {
      var n;
      try { n = JSON.parse(e.data); } catch (_) { return; }
      if (n.kind === "ping") return;
      if (caseId && n.case === caseId) catchUp();
      else if (!caseId && onList) reloadList();
    };
    socket.onclose = function () {
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 15000);
    };
  }

  // A canned reply fills the box, so it can be read and adjusted before sending.
  var canned = document.getElementById("canned");
  var box = document.getElementById("text");
  if (canned && box) {
    canned.addEventListener("change", function () {
      var option = canned.options[canned.selectedIndex];
      var text = option ? option.getAttribute("data-text") : null;
      if (text) { box.value = text; box.focus(); canned.selectedIndex = 0; }
    });
  }

  // Sending without leaving the page: the message appears through catchUp like any other.
  var form = document.getElementById("desk-send");
  if (form && window.fetch) {
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var data = new URLSearchParams(new FormData(form));
      var button = form.querySelector("button");
      button.disabled = true;
      fetch(form.action, { method: "POST", body: data, credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); })
        .then(function (res) {
          if (res.ok) { box.value = ""; catchUp(); }
          if (!res.ok || res.body.delivered === false) {
            var note = document.getElementById("desk-send-note") || document.createElement("p");
            note.id = "desk-send-note";
            note.className = "desk-notice desk-problem";
            note.setAttribute("role", "status");
            note.textContent = res.ok ? "記録しましたが、お客さまのチャットに届けられませんでした。" : res.body.error;
            form.parentNode.insertBefore(note, form);
          }
        })
        .catch(function () { form.submit(); })
        .then(function () { button.disabled = false; });
    });
  }

  if (caseId || onList) connect();
})();
