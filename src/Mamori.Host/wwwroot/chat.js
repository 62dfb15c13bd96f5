// Starts the official Web Chat against this host's Direct Line API, for the page's tenant.
// The conversation survives a reload: conversationId and token are kept in sessionStorage, and on reload Web Chat
// reconnects to the same conversation (GET /conversations/{id}), which replays the transcript so the chat reappears.
// A network drop is handled by directlinejs itself: it reconnects and resumes from its watermark.
(function () {
  'use strict';

  var body = document.body;
  var tenant = body.dataset.tenant;
  var mode = body.dataset.mode;
  var statusLine = document.getElementById('chat-status');
  var storeKey = 'mamori:' + tenant + ':' + mode;
  var domain = location.origin + '/v3/directline';

  document.documentElement.style.setProperty('--mamori-primary', body.dataset.primary);
  document.documentElement.style.setProperty('--mamori-accent', body.dataset.accent);

  // A Japanese IME confirms a conversion with Enter; that Enter must never send the message. Web Chat sends on
  // keypress, and some browsers report the confirming Enter only as beforeinput (insertLineBreak/insertParagraph),
  // so all three are stopped before Web Chat sees them while a composition is open.
  var composing = false;
  window.addEventListener('compositionstart', function () { composing = true; }, true);
  window.addEventListener('compositionend', function () { setTimeout(function () { composing = false; }, 0); }, true);
  function imeEnter(event) {
    var enter = event.key === 'Enter' || event.keyCode === 13 || event.keyCode === 229
      || event.inputType === 'insertLineBreak' || event.inputType === 'insertParagraph';
    return enter && (event.isComposing || event.keyCode === 229 || composing);
  }
  ['keydown', 'keypress', 'beforeinput'].forEach(function (type) {
    window.addEventListener(type, function (event) {
      if (imeEnter(event)) {
        event.stopImmediatePropagation();
        if (type !== 'keydown') { event.preventDefault(); }
      }
    }, true);
  });

  // Tap the stage picture to see it full size (a chat shows it only as wide as a bubble).
  document.addEventListener('click', function (event) {
    var picture = event.target.closest && event.target.closest('.webchat__bubble img[src*="/media/"]');
    if (picture) { window.open(picture.src, '_blank', 'noopener'); }
  });

  if (mode === 'widget') {
    var close = document.getElementById('chat-close');
    close.hidden = false;
    var askClose = function () { window.parent.postMessage({ type: 'mamori:close' }, '*'); };
    close.addEventListener('click', askClose);
    window.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && !event.isComposing) { askClose(); }
    });
    window.addEventListener('message', function (event) {
      if (event.source === window.parent && event.data && event.data.type === 'mamori:focus') { focusSendBox(); }
    });
  }

  // Web Chat renders a moment after the page loads: keep trying for a few seconds.
  function focusSendBox(attempt) {
    var input = document.querySelector('.webchat__send-box-text-box__input');
    if (input) {
      input.focus();
    } else if ((attempt || 0) < 50) {
      setTimeout(function () { focusSendBox((attempt || 0) + 1); }, 100);
    }
  }

  function load() {
    try { return JSON.parse(sessionStorage.getItem(storeKey) || 'null'); } catch (e) { return null; }
  }

  function save(session) {
    try { sessionStorage.setItem(storeKey, JSON.stringify(session)); } catch (e) { /* storage full or blocked: chat still works */ }
  }

  function forget() {
    try { sessionStorage.removeItem(storeKey); } catch (e) { /* ignore */ }
  }

  function mint() {
    return fetch('/api/tenants/' + encodeURIComponent(tenant) + '/token', { method: 'POST', credentials: 'omit' })
      .then(function (response) {
        if (!response.ok) { throw new Error('token ' + response.status); }
        return response.json();
      })
      .then(function (info) {
        return { conversationId: info.conversationId, token: info.token, expiresAt: Date.now() + info.expires_in * 1000, started: false };
      });
  }

  function start(session, resume) {
    var directLine = window.WebChat.createDirectLine({
      domain: domain,
      token: session.token,
      conversationId: resume ? session.conversationId : undefined
    });

    directLine.connectionStatus$.subscribe(function (status) {
      // 2 = Online, 4 = FailedToConnect, 5 = Ended (see botframework-directlinejs ConnectionStatus).
      if (status === 2) {
        statusLine.textContent = '';
        session.started = true;
        save(session);
      } else if ((status === 4 || status === 5) && resume) {
        // The conversation is gone (host restarted, or idle too long): begin a new one.
        forget();
        location.reload();
      } else if (status === 4) {
        statusLine.textContent = body.dataset.connectionLost;
      }
    });

    // directlinejs refreshes the token every 15 minutes; keep the newest one for the next reload. The old token works
    // for a minute after its refresh (Channels:DirectLine:RefreshedTokenGrace), so it is saved well within that.
    setInterval(function () {
      if (directLine.token && directLine.token !== session.token) {
        session.token = directLine.token;
        session.expiresAt = Date.now() + 30 * 60 * 1000;
        save(session);
      }
    }, 5 * 1000);

    var primary = body.dataset.primary;
    window.WebChat.renderWebChat({
      directLine: directLine,
      locale: 'ja-JP',
      nonce: body.dataset.nonce,
      overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: body.dataset.placeholder },
      styleOptions: {
        accent: primary,
        bubbleFromUserBackground: primary,
        bubbleFromUserTextColor: '#ffffff',
        bubbleBackground: body.dataset.accent,
        bubbleBorderRadius: 12,
        bubbleFromUserBorderRadius: 12,
        bubbleMaxWidth: 600,
        primaryFont: '"Noto Sans CJK JP", "Hiragino Kaku Gothic ProN", "Yu Gothic", Meiryo, sans-serif',
        hideUploadButton: true,
        suggestedActionLayout: 'flow',
        suggestedActionBorderRadius: 16,
        sendBoxButtonColor: primary,
        botAvatarInitials: 'ま',
        userAvatarInitials: ''
      }
    }, document.getElementById('webchat'));

    if (mode === 'page') { focusSendBox(0); }
  }

  // chat.js runs before the Web Chat bundle (see chat.html): the token is asked for while the browser still evaluates
  // the bundle (about a second on a slow phone) instead of after it. Deferred scripts all run before DOMContentLoaded.
  function whenWebChat(then) {
    var ready = function () {
      if (!window.WebChat) {
        statusLine.textContent = body.dataset.missing;
        return;
      }
      then();
    };
    if (window.WebChat) { ready(); } else { document.addEventListener('DOMContentLoaded', ready); }
  }

  function boot() {
    var saved = load();
    if (saved && saved.started && saved.expiresAt > Date.now() + 60 * 1000) {
      whenWebChat(function () { start(saved, true); });
      return;
    }
    var minted = mint();
    whenWebChat(function () {
      minted.then(function (session) { start(session, false); }, function () {
        statusLine.textContent = body.dataset.connectionLost;
      });
    });
  }

  boot();
}());
