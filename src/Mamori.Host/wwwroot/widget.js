// Chat widget for a chamber's website:
//   <script src="https://HOST/widget.js" data-tenant="TENANT" async></script>
// Adds a button and a panel. The chat itself runs in an iframe from this host (its own origin, its own storage), and
// the button lives in a Shadow DOM, so no CSS leaks either way and the page's scripts never see the chat. Works under a strict
// Content-Security-Policy without 'unsafe-inline' or 'unsafe-eval': the page needs HOST in script-src, connect-src
// and frame-src. Styles are a constructed stylesheet; nothing is injected as an inline <style> or style attribute.
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || !script.src) { return; }
  var tenant = script.getAttribute('data-tenant') || 'default';
  var hostOrigin = new URL(script.src).origin;
  var openKey = 'mamori-widget-open:' + tenant;
  var colour = /^#[0-9a-fA-F]{6}$/;

  fetch(hostOrigin + '/api/tenants/' + encodeURIComponent(tenant) + '/widget', { credentials: 'omit' })
    .then(function (response) { if (!response.ok) { throw new Error('widget ' + response.status); } return response.json(); })
    .then(build)
    .catch(function (error) { if (window.console) { console.warn('Mamori widget not loaded:', error.message); } });

  function css(primary) {
    return [
      ':host { all: initial; }',
      '.launcher { position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; display: flex; align-items: center; gap: 8px;',
      '  min-height: 52px; padding: 0 20px; border: 0; border-radius: 26px; background: ' + primary + '; color: #fff;',
      '  font: 700 15px/1.2 "Noto Sans CJK JP", "Hiragino Kaku Gothic ProN", "Yu Gothic", Meiryo, sans-serif;',
      '  box-shadow: 0 4px 14px rgba(0,0,0,.25); cursor: pointer; }',
      '.launcher:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 3px; }',
      '.launcher[aria-expanded="true"] { display: none; }',
      '.panel { position: fixed; right: 16px; bottom: 16px; z-index: 2147483001; width: 400px; height: 640px;',
      '  max-width: calc(100vw - 32px); max-height: calc(100vh - 32px); border-radius: 12px; overflow: hidden;',
      '  box-shadow: 0 8px 30px rgba(0,0,0,.3); background: #fff; }',
      '.panel[hidden] { display: none; }',
      '.panel iframe { display: block; width: 100%; height: 100%; border: 0; }',
      '@media (max-width: 480px) { .panel { right: 0; bottom: 0; width: 100vw; height: 100%; max-width: 100vw; max-height: 100%; border-radius: 0; } }'
    ].join('\n');
  }

  function build(config) {
    var primary = colour.test(config.primaryColor) ? config.primaryColor : '#1f5fa8';
    var host = document.createElement('div');
    host.setAttribute('data-mamori-widget', tenant);
    var root = host.attachShadow({ mode: 'open' });
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(css(primary));
    root.adoptedStyleSheets = [sheet];

    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'launcher';
    button.textContent = config.openLabel;
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-controls', 'mamori-panel');
    button.setAttribute('aria-haspopup', 'dialog');

    var panel = document.createElement('div');
    panel.className = 'panel';
    panel.id = 'mamori-panel';
    panel.hidden = true;
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', config.frameTitle);

    var frame = null;

    function open(focus) {
      if (!frame) {
        frame = document.createElement('iframe');
        frame.title = config.frameTitle;
        frame.src = config.frameUrl;
        frame.setAttribute('allow', 'clipboard-write');
        frame.addEventListener('load', function () { if (focus) { sendFocus(); } });
        panel.appendChild(frame);
      } else if (focus) {
        sendFocus();
      }
      panel.hidden = false;
      button.setAttribute('aria-expanded', 'true');
      remember(true);
    }

    function sendFocus() {
      frame.focus();
      frame.contentWindow.postMessage({ type: 'mamori:focus' }, hostOrigin);
    }

    function close() {
      panel.hidden = true;
      button.setAttribute('aria-expanded', 'false');
      remember(false);
      button.focus();
    }

    function remember(isOpen) {
      try { sessionStorage.setItem(openKey, isOpen ? '1' : '0'); } catch (e) { /* storage blocked: fine */ }
    }

    button.addEventListener('click', function () { open(true); });
    panel.addEventListener('keydown', function (event) { if (event.key === 'Escape') { close(); } });
    window.addEventListener('message', function (event) {
      if (frame && event.origin === hostOrigin && event.source === frame.contentWindow
          && event.data && event.data.type === 'mamori:close') {
        close();
      }
    });

    root.appendChild(button);
    root.appendChild(panel);
    document.body.appendChild(host);

    // The panel was open before a reload: open it again (the conversation itself continues inside the frame).
    var wasOpen = false;
    try { wasOpen = sessionStorage.getItem(openKey) === '1'; } catch (e) { /* ignore */ }
    if (wasOpen) { open(false); }
  }
}());
