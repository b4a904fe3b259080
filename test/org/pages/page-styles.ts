// The pages' stylesheets, served as files (/_ui/app.css, /_ui/classic.css) because the pages carry a
// strict Content-Security-Policy with no 'unsafe-inline' (page-html.ts), as Salesforce's do. Each ends
// with a broad element rule of the kind real pages have, which would restyle a careless extension's
// element: the badge must neither be restyled by it nor restyle the page (R24).

/** A rule that reaches any `div`, `button`, `p` or `span` an extension puts in the light DOM. */
const BROAD_RULE = `/* A page rule that would restyle a careless extension's element. */
div, button, p, span { letter-spacing: 0.02em; }`;

export const LIGHTNING_CSS = `body{margin:0;font-family:Arial,Helvetica,sans-serif;font-size:13px;background:#f3f3f3;color:#181818}
header{background:#fff;border-bottom:1px solid #ddd;padding:0 16px;height:48px;display:flex;align-items:center;gap:16px}
header strong{font-size:15px;margin-right:8px}
header a{color:#0176d3;text-decoration:none}
header [data-testid=current-user]{margin-left:auto;color:#444}
[data-testid=message]{margin:0;padding:0 16px;min-height:4px;color:#2e844a}
.slds-notify_container{position:fixed;top:56px;left:50%;transform:translateX(-50%);z-index:10}
.slds-notify_toast{background:#2e844a;color:#fff;border-radius:4px;padding:12px 24px}
.slds-notify_toast h2{margin:0;font-size:14px}
main{padding:8px 12px 16px}
main h1{font-size:18px;margin:4px 0 12px}
main h2{font-size:15px;margin:12px 0 8px}
a{color:#0176d3}
table{border-collapse:collapse;background:#fff;border:1px solid #ddd}
td,th{border-bottom:1px solid #ddd;padding:6px 10px;text-align:left}
form label{display:block;margin:6px 0}
input,select,textarea{font:inherit;border:1px solid #c9c9c9;border-radius:4px;padding:3px 6px}
button{font:inherit;padding:4px 12px;border:1px solid #c9c9c9;border-radius:4px;background:#fff;color:#0176d3;cursor:pointer}
button:disabled{color:#aaa;cursor:default}
records-highlights2{display:block}
.slds-page-header_record-home{background:#fff;border:1px solid #ddd;border-radius:4px;padding:12px 16px;display:flex;justify-content:space-between;align-items:center;box-shadow:0 2px 2px rgba(0,0,0,.1)}
.slds-page-header_record-home .entity{margin:0;font-size:12px;color:#444}
.slds-page-header_record-home h1{font-size:18px;margin:4px 0 0}
.actions button{margin-left:4px}
.record-details{background:#fff;border:1px solid #ddd;border-radius:4px;margin-top:12px;padding:16px;min-height:300px;display:flex;gap:48px}
.record-details dl{display:grid;grid-template-columns:max-content 1fr;gap:6px 16px;margin:0;align-content:start}
.record-details dt{color:#444}
.record-details dd{margin:0}
${BROAD_RULE}`;

export const CLASSIC_CSS = `body{margin:0;font-family:Arial,Helvetica,sans-serif;font-size:12px;background:#fff;color:#222}
#contentWrapper{padding:12px 16px}
.bPageTitle{border-bottom:2px solid #1797c0;padding:8px 0;margin-bottom:12px}
.bPageTitle .pageType{font-size:12px;margin:0;color:#444}
.bPageTitle .pageDescription{font-size:20px;margin:2px 0 0;font-weight:normal}
.detailList table{border-collapse:collapse;margin-bottom:12px}
.detailList td{border-bottom:1px solid #e3deb8;padding:4px 8px}
.detailList td:first-child{color:#4a4a56;font-weight:bold;text-align:right}
form label{display:block;margin:4px 0}
button{font:inherit;padding:2px 6px;border:1px solid #b5b5b5;border-radius:3px;background:#f4f4f4;color:#333}
${BROAD_RULE}`;
