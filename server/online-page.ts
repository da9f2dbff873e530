/**
 * The script and style of the agencies' request page (server/online.ts). Plain ES5 and
 * XMLHttpRequest, so any browser on the LAN runs it; every text it shows comes from the
 * catalog block the page carries (#messages), and what the server sends back is put on
 * the page as text, never as markup.
 */
export const ONLINE_JS = String.raw`(function () {
  'use strict';
  var M = JSON.parse(document.getElementById('messages').textContent);
  var lang = document.documentElement.lang;
  var KEY = 'ga-online-token';
  var memory = null;
  var FIELDS = ['requesterName', 'passengers', 'purpose', 'stops', 'departDate', 'departTime', 'returnDate', 'returnTime', 'destinationId', 'distanceKm', 'isLoan', 'withDriver'];

  function $(id) { return document.getElementById(id); }
  function t(key, params) {
    var s = M[key] || key;
    if (params) for (var n in params) if (Object.prototype.hasOwnProperty.call(params, n)) s = s.split('{' + n + '}').join(String(params[n]));
    return s;
  }
  function getToken() { try { return window.sessionStorage.getItem(KEY); } catch (e) { return memory; } }
  function setToken(v) {
    memory = v;
    try { if (v) window.sessionStorage.setItem(KEY, v); else window.sessionStorage.removeItem(KEY); } catch (e) { /* private mode: memory only */ }
  }
  function call(method, url, body, done) {
    var x = new XMLHttpRequest();
    x.open(method, url, true);
    var token = getToken();
    if (token) x.setRequestHeader('Authorization', 'Bearer ' + token);
    if (body !== undefined) x.setRequestHeader('Content-Type', 'application/json');
    x.onreadystatechange = function () {
      if (x.readyState !== 4) return;
      var data = null;
      try { data = x.responseText ? JSON.parse(x.responseText) : null; } catch (e) { data = null; }
      done(x.status, data || {}, x);
    };
    x.send(body === undefined ? null : JSON.stringify(body));
  }
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  /** An instant in Taipei time (UTC+8 all year): 115/12/08 09:00, or 2026-12-08 09:00 in English. */
  function when(iso) {
    var d = new Date(Date.parse(iso) + 8 * 3600000);
    var y = d.getUTCFullYear();
    var date = (lang === 'en' ? y : y - 1911) + (lang === 'en' ? '-' : '/') + pad(d.getUTCMonth() + 1) + (lang === 'en' ? '-' : '/') + pad(d.getUTCDate());
    return date + ' ' + pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes());
  }
  function show(id, on) { if (on) $(id).removeAttribute('hidden'); else $(id).setAttribute('hidden', ''); }
  function notice(text) { $('notice').textContent = text || ''; }

  function signedOut(message) {
    setToken(null);
    show('desk', false);
    show('sign-out', false);
    show('sign-in', true);
    $('who').textContent = '';
    $('sign-in-error').textContent = message || '';
  }

  function loadMe() {
    call('GET', '/online/me', undefined, function (status, data) {
      if (status === 200) {
        show('sign-in', false);
        show('desk', true);
        show('sign-out', true);
        $('who').textContent = data.user.displayName + ' · ' + (lang === 'en' && data.agency.nameEn ? data.agency.nameEn : data.agency.nameZh);
        if (!$('f-requesterName').value) $('f-requesterName').value = data.user.displayName;
        loadList();
      } else if (status === 403) {
        call('POST', '/logout', undefined, function () {});
        signedOut(t('vehicles.online.notAgency'));
      } else if (status === 0) {
        signedOut(t('vehicles.online.error.network'));
      } else {
        signedOut(getToken() ? t('vehicles.online.expired') : '');
      }
    });
  }

  function cell(row, text) {
    var td = document.createElement('td');
    td.textContent = text;
    row.appendChild(td);
  }
  function loadList() {
    call('GET', '/online/requests', undefined, function (status, data) {
      if (status === 401) return signedOut(t('vehicles.online.expired'));
      if (status !== 200) return;
      var body = $('requests').getElementsByTagName('tbody')[0];
      while (body.firstChild) body.removeChild(body.firstChild);
      for (var i = 0; i < data.requests.length; i++) {
        var r = data.requests[i];
        var row = document.createElement('tr');
        row.setAttribute('data-state', r.state);
        cell(row, when(r.departAt));
        cell(row, when(r.returnAt));
        cell(row, r.purpose + (r.isLoan ? ' (' + t('vehicles.online.list.loan') + ')' : ''));
        cell(row, r.stops.join('、'));
        cell(row, String(r.passengers));
        cell(row, t('vehicles.requestState.' + r.state) + (r.cancelReason ? ' — ' + r.cancelReason : ''));
        cell(row, r.plate || '');
        body.appendChild(row);
      }
      show('empty', data.requests.length === 0);
      show('requests', data.requests.length > 0);
    });
  }

  function clearErrors() {
    $('form-error').textContent = '';
    for (var i = 0; i < FIELDS.length; i++) {
      $('err-' + FIELDS[i]).textContent = '';
      $('f-' + FIELDS[i]).removeAttribute('aria-invalid');
    }
  }
  function numberOrText(v) {
    var s = v.replace(/^\s+|\s+$/g, '');
    return /^\d+(\.\d+)?$/.test(s) ? Number(s) : s;
  }
  function formValues() {
    var stops = $('f-stops').value.split(/\r?\n/);
    var kept = [];
    for (var i = 0; i < stops.length; i++) { var s = stops[i].replace(/^\s+|\s+$/g, ''); if (s) kept.push(s); }
    var loan = $('f-isLoan').checked;
    return {
      requesterName: $('f-requesterName').value,
      passengers: numberOrText($('f-passengers').value),
      purpose: $('f-purpose').value,
      stops: kept,
      departDate: $('f-departDate').value.replace(/^\s+|\s+$/g, ''),
      departTime: $('f-departTime').value.replace(/^\s+|\s+$/g, ''),
      returnDate: $('f-returnDate').value.replace(/^\s+|\s+$/g, ''),
      returnTime: $('f-returnTime').value.replace(/^\s+|\s+$/g, ''),
      destinationId: $('f-destinationId').value || null,
      distanceKm: numberOrText($('f-distanceKm').value),
      isLoan: loan,
      withDriver: loan ? $('f-withDriver').checked : true
    };
  }
  /** The words for a refused field: the server's own reason when the catalog has it, else what the field wants. */
  function fieldMessage(field, code) {
    if (M[code]) return M[code];
    var value = $('f-' + field) ? $('f-' + field).value : '';
    if (field === 'stops' ? $('f-stops').value.replace(/\s+/g, '') === '' : value === '') return t('vehicles.online.error.required');
    if (field === 'departDate' || field === 'returnDate') return t('vehicles.online.error.date');
    if (field === 'departTime' || field === 'returnTime') return t('vehicles.online.error.time');
    if (field === 'passengers' || field === 'distanceKm') return t('vehicles.online.error.number');
    return t('vehicles.online.error.field', { field: t('vehicles.online.field.' + field) });
  }
  function refused(data) {
    var field = data.field ? String(data.field).split('.')[0] : '';
    if (field && $('err-' + field)) {
      var words = fieldMessage(field, data.code);
      $('err-' + field).textContent = words;
      $('f-' + field).setAttribute('aria-invalid', 'true');
      $('form-error').textContent = t('vehicles.online.fix') + '：' + t('vehicles.online.field.' + field) + ' — ' + words;
      $('f-' + field).focus();
    } else {
      $('form-error').textContent = t('vehicles.online.fix') + '：' + (M[data.code] || data.message || '');
    }
  }

  $('sign-in-form').onsubmit = function (e) {
    e.preventDefault();
    $('sign-in-error').textContent = '';
    var body = { username: $('f-username').value, password: $('f-password').value };
    call('POST', '/login', body, function (status, data, x) {
      if (status === 200) {
        setToken(data.token);
        $('f-password').value = '';
        notice('');
        loadMe();
      } else if (status === 429) {
        $('sign-in-error').textContent = t('vehicles.online.signIn.tooMany', { seconds: x.getResponseHeader('Retry-After') || '60' });
      } else if (status === 0) {
        $('sign-in-error').textContent = t('vehicles.online.error.network');
      } else {
        $('sign-in-error').textContent = t('vehicles.online.signIn.failed');
      }
    });
  };

  $('sign-out').onclick = function () {
    call('POST', '/logout', undefined, function () {});
    signedOut('');
    notice('');
  };

  $('f-destinationId').onchange = function () {
    var option = this.options[this.selectedIndex];
    var km = option && option.getAttribute('data-km');
    if (km) $('f-distanceKm').value = km;
  };
  $('f-isLoan').onchange = function () {
    $('f-withDriver').disabled = !this.checked;
    if (!this.checked) $('f-withDriver').checked = true;
  };

  var sending = false;
  $('request-form').onsubmit = function (e) {
    e.preventDefault();
    if (sending) return;
    sending = true;
    clearErrors();
    notice('');
    var button = $('submit');
    var label = button.textContent;
    button.disabled = true;
    button.textContent = t('vehicles.online.sending');
    call('POST', '/online/requests', formValues(), function (status, data) {
      sending = false;
      button.disabled = false;
      button.textContent = label;
      if (status === 201) {
        var name = $('f-requesterName').value;
        $('request-form').reset();
        $('f-requesterName').value = name;
        $('f-withDriver').disabled = true;
        notice(t('vehicles.online.filed'));
        loadList();
      } else if (status === 401) {
        // What was typed stays in the form, behind the sign-in.
        signedOut(t('vehicles.online.expired'));
      } else if (status === 0) {
        $('form-error').textContent = t('vehicles.online.error.network');
      } else {
        refused(data);
      }
    });
  };

  if (getToken()) loadMe();
})();
`;

export const ONLINE_CSS = `body { font-family: "Noto Sans TC", "Microsoft JhengHei", "PingFang TC", sans-serif; margin: 0; color: #1f2329; background: #f5f6f8; }
header { display: flex; align-items: center; gap: 16px; padding: 12px 24px; background: #1f4e79; color: #fff; }
header h1 { font-size: 20px; margin: 0; flex: 1; }
header a, header button { color: #fff; background: none; border: 1px solid #fff; border-radius: 4px; padding: 4px 10px; font-size: 14px; text-decoration: none; cursor: pointer; }
main { max-width: 960px; margin: 0 auto; padding: 16px 24px 48px; }
section { background: #fff; border-radius: 6px; padding: 8px 24px 24px; margin-top: 16px; }
h2 { font-size: 18px; }
.field { margin: 10px 0; display: flex; flex-direction: column; gap: 4px; }
.field label { font-weight: 600; font-size: 14px; }
.row .field { min-width: 180px; }
.field.check { flex-direction: row-reverse; justify-content: flex-end; align-items: center; gap: 8px; }
.field.check label { font-weight: normal; }
.row { display: flex; gap: 24px; flex-wrap: wrap; }
input[type=text], input[type=password], select, textarea { font: inherit; padding: 6px 8px; border: 1px solid #b8bec6; border-radius: 4px; max-width: 420px; }
input[aria-invalid=true], select[aria-invalid=true], textarea[aria-invalid=true] { border-color: #c62828; background: #fff5f5; }
.err { color: #c62828; font-size: 14px; min-height: 1em; }
#notice { color: #1b5e20; font-weight: 600; min-height: 1.2em; }
button[type=submit] { font: inherit; padding: 8px 24px; background: #1f4e79; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
button[disabled] { opacity: 0.6; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; border-bottom: 1px solid #e2e5e9; padding: 6px 8px; vertical-align: top; }
tr[data-state=cancelled] td { color: #8a9099; }
`;
