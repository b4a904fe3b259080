// The Lightning-like single-page client, served as /_ui/app.js. Like Lightning it renders client-side and
// moves between records with history.pushState (no full reload), which is what the content script must
// cope with. Record text is only ever set through textContent/value, never innerHTML (XSS-safe).

export const PAGE_CLIENT_JS = String.raw`
'use strict';
const api = async (method, path, body) => {
  const res = await fetch('/_ui/api' + path, {method, headers: body ? {'content-type': 'application/json'} : {}, body: body ? JSON.stringify(body) : undefined, credentials: 'same-origin'});
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok) throw new Error((data && data.error && (data.error.errorCode + ': ' + data.error.message)) || ('HTTP ' + res.status));
  return data;
};
const h = (tag, attrs, ...children) => {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'testid') el.setAttribute('data-testid', v);
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'value') el.value = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
};
let me = null;
const main = () => document.querySelector('[data-testid="page"]');
const say = (text) => { const m = document.querySelector('[data-testid="message"]'); if (m) m.textContent = text; };
const recordHref = (id) => '/lightning/r/Task/' + id + '/view';
// Lightning confirms a save with a toast in the SLDS toast blueprint, visible about three seconds
// (docs/salesforce-facts.md §8.1); the content script's change signal watches for it (issue 14).
const toast = (text) => {
  const container = h('div', {class: 'slds-notify_container', testid: 'toast-container'},
    h('div', {class: 'slds-notify slds-notify_toast slds-theme_success', role: 'status', testid: 'toast'},
      h('div', {class: 'slds-notify__content'}, h('h2', {class: 'slds-text-heading_small toastMessage'}, text))));
  document.body.append(container);
  setTimeout(() => container.remove(), 3000);
};

function navigate(path, replace) {
  if (replace) history.replaceState({}, '', path); else history.pushState({}, '', path);
  render().catch((e) => say(String(e.message || e)));
}
document.addEventListener('click', (ev) => {
  const a = ev.target instanceof Element ? ev.target.closest('a[data-nav]') : null;
  if (!a || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.button !== 0) return;
  ev.preventDefault();
  navigate(a.getAttribute('href'));
});
window.addEventListener('popstate', () => { render().catch((e) => say(String(e.message || e))); });

const options = (values, current) => values.map((v) => h('option', {value: v.ApiName, selected: v.ApiName === current}, v.MasterLabel || v.ApiName));
function taskForm(task, onSubmit, submitTestid, submitLabel) {
  const f = h('form', {testid: task ? 'task-form' : 'new-task-form'},
    h('label', {}, 'Subject ', h('input', {name: 'Subject', testid: 'input-subject', value: task ? task.Subject || '' : '', maxlength: 255})),
    h('label', {}, 'Status ', h('select', {name: 'Status', testid: 'input-status'}, options(me.statuses, task ? task.Status : (me.statuses.find((s) => s.IsDefault) || {}).ApiName))),
    h('label', {}, 'Priority ', h('select', {name: 'Priority', testid: 'input-priority'}, options(me.priorities, task ? task.Priority : (me.priorities.find((p) => p.IsDefault) || {}).ApiName))),
    h('label', {}, 'Due date ', h('input', {type: 'date', name: 'ActivityDate', testid: 'input-due-date', value: task ? task.ActivityDate || '' : ''})),
    h('label', {}, 'Comments ', h('textarea', {name: 'Description', testid: 'input-description', value: task ? task.Description || '' : ''})),
    h('button', {type: 'submit', testid: submitTestid}, submitLabel));
  f.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const fd = new FormData(f);
    const body = {};
    for (const k of ['Subject', 'Status', 'Priority', 'ActivityDate', 'Description']) body[k] = fd.get(k) === '' ? null : fd.get(k);
    onSubmit(body).catch((e) => say(String(e.message || e)));
  });
  return f;
}
function taskTable(tasks) {
  return h('table', {testid: 'task-list'},
    h('thead', {}, h('tr', {}, h('th', {}, 'Subject'), h('th', {}, 'Status'), h('th', {}, 'Priority'), h('th', {}, 'Due'), h('th', {}, 'Assigned'))),
    h('tbody', {}, tasks.map((t) => h('tr', {testid: 'task-row', 'data-record-id': t.Id, 'data-closed': String(t.IsClosed)},
      h('td', {}, h('a', {testid: 'task-link', 'data-nav': true, href: recordHref(t.Id)}, t.Subject || '(no subject)')),
      h('td', {testid: 'task-status'}, t.Status), h('td', {testid: 'task-priority'}, t.Priority),
      h('td', {testid: 'task-due-date'}, t.ActivityDate || ''), h('td', {testid: 'task-owner'}, t.OwnerName || '')))));
}
async function renderHome(el) {
  const tasks = (await api('GET', '/tasks')).filter((t) => !t.IsClosed);
  el.append(h('h1', {testid: 'page-title'}, 'Home'),
    h('section', {testid: 'new-task'}, h('h2', {}, 'New Task'), taskForm(null, async (body) => { const t = await api('POST', '/tasks', body); navigate(recordHref(t.Id)); toast('Task "' + (t.Subject || '') + '" was created.'); }, 'create', 'Create')),
    h('section', {}, h('h2', {}, 'My open Tasks'), taskTable(tasks)));
}
async function renderList(el) {
  const tasks = await api('GET', '/tasks');
  el.append(h('h1', {testid: 'page-title'}, 'Tasks'), h('a', {testid: 'new-task-link', 'data-nav': true, href: '/lightning/page/home'}, 'New Task'), taskTable(tasks));
}
async function renderRecord(el, id) {
  let t;
  try { t = await api('GET', '/tasks/' + id); } catch (e) {
    el.dataset.page = 'not-found';
    el.append(h('h1', {testid: 'page-title'}, 'Record not available'), h('p', {testid: 'error'}, String(e.message || e)));
    return;
  }
  const refresh = (row) => { navigate(recordHref(row.Id), true); say('Saved'); toast('Task "' + (row.Subject || '') + '" was saved.'); };
  // The record header as Lightning draws it: the highlights panel (records-highlights2 around an
  // .slds-page-header_record-home) with the entity, the title and the record's action buttons.
  el.append(h('article', {testid: 'record-page', 'data-record-id': t.Id, 'data-sobject': 'Task', 'data-closed': String(t.IsClosed)},
    h('records-highlights2', {testid: 'record-header'},
      h('div', {class: 'slds-page-header slds-page-header_record-home'},
        h('div', {class: 'title'},
          h('p', {class: 'entity'}, 'Task'),
          h('h1', {testid: 'task-subject'}, t.Subject || '')),
        h('div', {class: 'actions'},
          h('button', {type: 'button', testid: 'complete', disabled: t.IsClosed || !me.closedStatus, onclick: () => api('POST', '/tasks/' + t.Id + '/complete').then(refresh, (e) => say(String(e.message || e)))}, 'Mark Complete'),
          h('button', {type: 'button', testid: 'delete', onclick: () => api('DELETE', '/tasks/' + t.Id).then(() => navigate('/lightning/o/Task/list'), (e) => say(String(e.message || e)))}, 'Delete')))),
    h('div', {class: 'record-details'},
    h('dl', {testid: 'task-details'},
      h('dt', {}, 'Status'), h('dd', {testid: 'task-status'}, t.Status),
      h('dt', {}, 'Priority'), h('dd', {testid: 'task-priority'}, t.Priority),
      h('dt', {}, 'Due date'), h('dd', {testid: 'task-due-date'}, t.ActivityDate || ''),
      h('dt', {}, 'Assigned to'), h('dd', {testid: 'task-owner'}, t.OwnerName || ''),
      h('dt', {}, 'Name'), h('dd', {testid: 'task-who'}, t.WhoName || ''),
      h('dt', {}, 'Related to'), h('dd', {testid: 'task-what'}, t.WhatName || ''),
      h('dt', {}, 'Comments'), h('dd', {testid: 'task-description'}, t.Description || '')),
    taskForm(t, async (body) => refresh(await api('PATCH', '/tasks/' + t.Id, body)), 'save', 'Save'))));
}
// R34: an Account, Contact, Lead or Opportunity, drawn like Lightning's record home: the highlights panel
// (records-highlights2 > .slds-page-header_record-home with the entity label, the name in an h1 and the
// record's own action buttons), details, links to related records (pushState moves) and its Tasks.
async function renderOther(el, object, id) {
  let r;
  try { r = await api('GET', '/records/' + id); } catch (e) {
    el.dataset.page = 'not-found';
    el.append(h('h1', {testid: 'page-title'}, 'Record not available'), h('p', {testid: 'error'}, String(e.message || e)));
    return;
  }
  const recordLink = (l) => h('a', {testid: 'related-record-link', 'data-nav': true, 'data-record-id': l.id, href: '/lightning/r/' + l.object + '/' + l.id + '/view'}, l.name);
  el.append(h('article', {testid: 'record-page', 'data-record-id': r.Id, 'data-sobject': r.object},
    h('records-highlights2', {testid: 'record-header'},
      h('div', {class: 'slds-page-header slds-page-header_record-home'},
        h('div', {class: 'title'},
          h('p', {class: 'entity'}, r.object),
          h('h1', {testid: 'record-name'}, h('lightning-formatted-text', {}, r.Name))),
        h('div', {class: 'actions'},
          h('button', {type: 'button', testid: 'record-follow', onclick: () => say('Following')}, 'Follow'),
          h('button', {type: 'button', testid: 'record-edit', onclick: () => say('Edit is not emulated')}, 'Edit')))),
    h('div', {class: 'record-details'},
      h('dl', {testid: 'record-fields'}, r.fields.flatMap(([label, value]) => [h('dt', {}, label), h('dd', {}, value)])),
      h('section', {testid: 'related-records'}, h('h2', {}, 'Related'), h('ul', {}, r.links.map((l) => h('li', {}, l.label + ': ', recordLink(l))))),
      h('section', {}, h('h2', {}, 'Activities'), h('ul', {testid: 'record-tasks'}, r.tasks.map((t) => h('li', {'data-record-id': t.Id}, h('a', {'data-nav': true, href: recordHref(t.Id)}, t.Subject || '(no subject)'))))))));
  document.title = r.Name + ' | ' + r.object + ' | Salesforce';
}
async function render() {
  if (!me) me = await api('GET', '/me');
  const el = main();
  el.replaceChildren();
  say('');
  const path = location.pathname;
  const rec = /^\/lightning\/r\/(?:Task\/)?([a-zA-Z0-9]{15,18})\/view$/.exec(path);
  const other = /^\/lightning\/r\/(Account|Contact|Lead|Opportunity)\/([a-zA-Z0-9]{15,18})\/view$/.exec(path);
  if (rec) { el.dataset.page = 'record'; await renderRecord(el, rec[1]); }
  else if (other) { el.dataset.page = 'record'; await renderOther(el, other[1], other[2]); }
  else if (path === '/lightning/o/Task/list' || path === '/lightning/o/Task/home') { el.dataset.page = 'list'; await renderList(el); }
  else if (path === '/lightning/page/home' || path === '/lightning' || path === '/lightning/') { el.dataset.page = 'home'; await renderHome(el); }
  else { el.dataset.page = 'not-found'; el.append(h('h1', {testid: 'page-title'}, 'Page not found')); }
  if (!other) document.title = (document.querySelector('[data-testid="task-subject"]') || document.querySelector('[data-testid="page-title"]') || {textContent: 'Salesforce'}).textContent + ' | Salesforce';
  document.body.dataset.ready = 'true';
}
render().catch((e) => say(String(e.message || e)));
`;
