/**
 * `GET /api/hosted.js`: the browser API of Mandarin's hosted card fields, as the emulator serves it.
 *
 * `mandarinpay.hosted.setup(selectorOrElement, {operationId, onsuccess, onerror})` mounts one iframe from
 * the script's own origin into each `.mandarinpay-field-<name>` container inside the element;
 * `mandarinpay.hosted.process(formOrElement)` asks the card-number iframe to collect the other fields (frame
 * to frame, never through this page) and post them to the emulator. Field state comes back as
 * `mandarinpay-field-state-{focused,empty,valid,error}` classes on the containers, the outcome as
 * `onsuccess({operationId, status, transaction: {id}})` or `onerror({error, operationId, status, fields,
 * transaction})`.
 *
 * Plain ES2019 in a string: served as is, no build step, no dependencies. Messages are accepted only from
 * the emulator origin and only from the iframe mounted for the field they claim to be.
 */
export const HOSTED_JS = String.raw`/* Mandarin Kit emulator: mandarinpay.hosted (hosted card fields) */
(function () {
  'use strict';
  var TAG = 'mandarinpay-hosted';
  var PREFIX = 'mandarinpay-field-';
  var FIELDS = ['card-number', 'card-holder', 'card-expiration', 'card-cvv'];
  var TITLES = {
    'card-number': 'Card number',
    'card-holder': 'Cardholder name',
    'card-expiration': 'Expiry date',
    'card-cvv': 'Security code'
  };
  var STATES = ['focused', 'empty', 'valid', 'error'];
  var RESULT_TIMEOUT_MS = 60000;

  var api = (window.mandarinpay = window.mandarinpay || {});
  // Loaded twice (two script tags, a re-render): keep the first copy with its frames and listener.
  if (api.hosted) return;

  function scriptSrc() {
    var current = document.currentScript;
    if (current && current.src) return current.src;
    var scripts = document.getElementsByTagName('script');
    for (var i = scripts.length - 1; i >= 0; i--) {
      if (/\/api\/hosted\.js(?:[?#]|$)/.test(scripts[i].src)) return scripts[i].src;
    }
    return location.href;
  }
  // The iframes come from where this script came from: that origin is the only one we talk to.
  var ORIGIN = new URL(scriptSrc(), location.href).origin;
  var instances = [];

  function element(target, method) {
    var el = typeof target === 'string' ? document.querySelector(target) : target;
    if (!el || el.nodeType !== 1) {
      throw new Error('mandarinpay.hosted.' + method + ': no element for ' + String(target));
    }
    return el;
  }

  function randomId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    var out = '';
    for (var i = 0; i < bytes.length; i++) out += ('0' + bytes[i].toString(16)).slice(-2);
    return out;
  }

  function findInstance(el) {
    for (var i = 0; i < instances.length; i++) {
      var root = instances[i].root;
      if (root === el || root.contains(el) || el.contains(root)) return instances[i];
    }
    return null;
  }

  function applyState(container, state) {
    for (var i = 0; i < STATES.length; i++) {
      container.classList.toggle(PREFIX + 'state-' + STATES[i], state[STATES[i]] === true);
    }
  }

  function destroy(inst) {
    var index = instances.indexOf(inst);
    if (index >= 0) instances.splice(index, 1);
    clearTimeout(inst.timer);
    Object.keys(inst.frames).forEach(function (field) {
      var frame = inst.frames[field];
      if (frame.parentNode) frame.parentNode.removeChild(frame);
      applyState(inst.containers[field], {});
    });
  }

  function post(inst, field, message) {
    var frame = inst.frames[field];
    if (!frame || !frame.contentWindow) return;
    message.source = TAG;
    message.channel = inst.channel;
    frame.contentWindow.postMessage(message, ORIGIN);
  }

  function allReady(inst) {
    return Object.keys(inst.frames).every(function (field) {
      return inst.ready[field] === true;
    });
  }

  function sendProcess(inst) {
    inst.queued = false;
    post(inst, 'card-number', { type: 'process', fields: Object.keys(inst.frames) });
  }

  function settle(inst, name, payload) {
    clearTimeout(inst.timer);
    inst.busy = false;
    var callback = inst.options[name];
    if (typeof callback === 'function') callback(payload);
  }

  function setup(target, options) {
    var root = element(target, 'setup');
    if (!options || typeof options.operationId !== 'string' || options.operationId === '') {
      throw new Error('mandarinpay.hosted.setup: options.operationId is required');
    }
    // Setting up the same element again (React StrictMode, a new operation) replaces the old frames.
    for (var i = instances.length - 1; i >= 0; i--) {
      if (instances[i].root === root) destroy(instances[i]);
    }
    var inst = {
      root: root,
      options: options,
      channel: randomId(),
      frames: {},
      containers: {},
      ready: {},
      busy: false,
      queued: false,
      timer: 0
    };
    FIELDS.forEach(function (field) {
      var container = root.querySelector('.' + PREFIX + field);
      if (!container) return;
      var frame = document.createElement('iframe');
      frame.src =
        ORIGIN + '/hosted/field?field=' + field +
        '&op=' + encodeURIComponent(options.operationId) +
        '&parent=' + encodeURIComponent(location.origin) +
        '&channel=' + inst.channel;
      frame.title = TITLES[field];
      frame.setAttribute('scrolling', 'no');
      frame.style.border = '0';
      frame.style.width = '100%';
      frame.style.height = '2.75em';
      frame.style.display = 'block';
      container.appendChild(frame);
      inst.frames[field] = frame;
      inst.containers[field] = container;
      applyState(container, { empty: true });
    });
    if (!inst.frames['card-number']) {
      destroy(inst);
      throw new Error('mandarinpay.hosted.setup: no .' + PREFIX + 'card-number container inside the element');
    }
    instances.push(inst);
    return {
      process: function () {
        return process(root);
      },
      destroy: function () {
        destroy(inst);
      }
    };
  }

  // Returns false, so that onsubmit="return mandarinpay.hosted.process(this)" cancels the native submit.
  function process(target) {
    var inst = findInstance(element(target, 'process'));
    if (!inst) throw new Error('mandarinpay.hosted.process: call mandarinpay.hosted.setup first');
    if (!inst.busy) {
      inst.busy = true;
      inst.timer = setTimeout(function () {
        settle(inst, 'onerror', {
          error: 'The card form did not answer in time',
          operationId: inst.options.operationId
        });
      }, RESULT_TIMEOUT_MS);
      if (allReady(inst)) sendProcess(inst);
      else inst.queued = true;
    }
    return false;
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== ORIGIN) return;
    var data = event.data;
    if (!data || typeof data !== 'object' || data.source !== TAG) return;
    for (var i = 0; i < instances.length; i++) {
      var inst = instances[i];
      if (inst.channel !== data.channel) continue;
      var frame = inst.frames[data.field];
      // Only the iframe mounted for a field may speak for it.
      if (!frame || event.source !== frame.contentWindow) return;
      if (data.type === 'ready') {
        inst.ready[data.field] = true;
        if (inst.queued && allReady(inst)) sendProcess(inst);
      } else if (data.type === 'state' && data.state && typeof data.state === 'object') {
        applyState(inst.containers[data.field], data.state);
      } else if (data.type === 'result' && data.field === 'card-number' && inst.busy) {
        var operationId = inst.options.operationId;
        var transaction = typeof data.id === 'string' ? { id: data.id } : undefined;
        if (data.ok === true) {
          settle(inst, 'onsuccess', { operationId: operationId, status: 'success', transaction: transaction });
        } else {
          settle(inst, 'onerror', {
            error: String(data.error || 'The card could not be processed'),
            operationId: operationId,
            status: data.status === 'failed' ? 'failed' : undefined,
            fields: data.fields && typeof data.fields === 'object' ? data.fields : {},
            transaction: transaction
          });
        }
      }
      return;
    }
  });

  api.hosted = { setup: setup, process: process, emulator: true };
})();
`;
