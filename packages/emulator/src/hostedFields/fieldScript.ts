/**
 * `GET /hosted/field.js`: the script inside each hosted-field iframe (served from the emulator origin, so
 * the host page can't read what is typed). Each frame reports its state to the host page; on `process`
 * the card-number frame collects the other frames' values directly (sibling frames of the same origin, by
 * postMessage) and posts them to `/hosted/process` itself, then reports only the outcome to the host page.
 *
 * Trust: messages from the host page are accepted only from `window.parent` at the `parent` origin the
 * frame was created with (CSP `frame-ancestors` makes that parameter truthful); messages between frames
 * only from the emulator's own origin and the same `channel` (one per `setup`).
 */
export const FIELD_JS = String.raw`/* Mandarin Kit emulator: one hosted card field */
(function () {
  'use strict';
  var TAG = 'mandarinpay-hosted';
  var COLLECT_TIMEOUT_MS = 3000;
  var NAMES = {
    'card-number': 'cardNumber',
    'card-holder': 'cardHolder',
    'card-expiration': 'cardExpiration',
    'card-cvv': 'cardCvv'
  };
  var params = new URLSearchParams(location.search);
  var FIELD = params.get('field');
  var OP = params.get('op');
  var PARENT = params.get('parent');
  var CHANNEL = params.get('channel');
  var SELF = location.origin;
  var input = document.getElementById('field');
  var live = document.getElementById('field-error');
  var ERROR_TEXT = input.getAttribute('data-error');
  var focused = false;
  var touched = false;
  var attempted = false;
  var collecting = null;

  function luhn(digits) {
    var sum = 0;
    for (var i = 0; i < digits.length; i++) {
      var d = Number(digits.charAt(digits.length - 1 - i));
      if (i % 2 === 1) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
    }
    return sum % 10 === 0;
  }

  // The same rules as the emulator applies (it decides; these only drive the state classes).
  var VALID = {
    'card-number': function (v) {
      var digits = v.replace(/[\s-]/g, '');
      return /^\d{13,19}$/.test(digits) && luhn(digits);
    },
    'card-holder': function (v) {
      return /^[A-Za-z][A-Za-z .'-]{1,49}$/.test(v.trim().replace(/\s+/g, ' '));
    },
    'card-expiration': function (v) {
      var m = /^(\d{1,2})\s*\/?\s*(\d{2}|\d{4})$/.exec(v.trim());
      if (!m) return false;
      var month = Number(m[1]);
      var year = m[2].length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
      var now = new Date();
      var thisYear = now.getUTCFullYear();
      var thisMonth = now.getUTCMonth() + 1;
      return month >= 1 && month <= 12 && year <= thisYear + 30 &&
        (year > thisYear || (year === thisYear && month >= thisMonth));
    },
    'card-cvv': function (v) {
      return /^\d{3,4}$/.test(v.trim());
    }
  };

  function message(type, extra) {
    var m = { source: TAG, channel: CHANNEL, field: FIELD, type: type };
    if (extra) Object.keys(extra).forEach(function (k) { m[k] = extra[k]; });
    return m;
  }

  function toParent(type, extra) {
    window.parent.postMessage(message(type, extra), PARENT);
  }

  function report() {
    var value = input.value;
    var empty = value.trim() === '';
    var valid = VALID[FIELD](value);
    var error = !valid && (attempted || (touched && !focused && !empty));
    input.setAttribute('aria-invalid', error ? 'true' : 'false');
    live.textContent = error ? ERROR_TEXT : '';
    toParent('state', { state: { focused: focused, empty: empty, valid: valid, error: error } });
  }

  function siblings() {
    var list = [];
    var frames = window.parent.frames;
    for (var i = 0; i < frames.length; i++) {
      if (frames[i] !== window) list.push(frames[i]);
    }
    return list;
  }

  function submit() {
    var current = collecting;
    if (!current) return;
    collecting = null;
    clearTimeout(current.timer);
    var body = { operationId: OP };
    Object.keys(current.values).forEach(function (field) {
      body[NAMES[field]] = current.values[field];
    });
    fetch('/hosted/process', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store'
    })
      .then(function (response) {
        return response.json().then(function (json) {
          return { ok: response.ok, json: json || {} };
        });
      })
      .then(
        function (r) {
          var j = r.json;
          if (r.ok && j.status === 'success') {
            toParent('result', { ok: true, id: j.id, status: 'success', objectType: j.objectType });
          } else {
            toParent('result', {
              ok: false,
              id: typeof j.id === 'string' ? j.id : null,
              status: j.status || null,
              error: j.error || 'The card could not be processed',
              fields: j.fields || {}
            });
          }
        },
        function () {
          toParent('result', { ok: false, error: 'Network error: the card was not sent' });
        }
      );
  }

  function startProcess(fields) {
    if (collecting) return;
    attempted = true;
    report();
    var wanted = (Array.isArray(fields) ? fields : []).filter(function (f) {
      return f !== FIELD && Object.prototype.hasOwnProperty.call(NAMES, f);
    });
    collecting = { wanted: wanted, values: {}, timer: 0 };
    collecting.values[FIELD] = input.value;
    if (wanted.length === 0) {
      submit();
      return;
    }
    collecting.timer = setTimeout(submit, COLLECT_TIMEOUT_MS);
    // Frames of other origins drop this: the target origin is our own.
    siblings().forEach(function (frame) {
      frame.postMessage(message('collect'), SELF);
    });
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.source !== TAG || data.channel !== CHANNEL) return;
    if (event.source === window.parent && event.origin === PARENT) {
      if (data.type === 'process' && FIELD === 'card-number') startProcess(data.fields);
      return;
    }
    if (event.origin !== SELF) return;
    if (data.type === 'collect' && FIELD !== 'card-number' && event.source) {
      attempted = true;
      report();
      event.source.postMessage(message('value', { value: input.value }), SELF);
    } else if (data.type === 'value' && collecting && FIELD === 'card-number') {
      if (!Object.prototype.hasOwnProperty.call(NAMES, data.field)) return;
      collecting.values[data.field] = String(data.value);
      var done = collecting.wanted.every(function (f) {
        return Object.prototype.hasOwnProperty.call(collecting.values, f);
      });
      if (done) submit();
    }
  });

  input.addEventListener('focus', function () {
    focused = true;
    report();
  });
  input.addEventListener('blur', function () {
    focused = false;
    if (input.value !== '') touched = true;
    report();
  });
  input.addEventListener('input', report);

  toParent('ready');
  report();
})();
`;
