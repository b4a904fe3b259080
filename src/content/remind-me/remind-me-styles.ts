/**
 * The control's stylesheet, inside its shadow root only (R34: the page is never restyled). It follows the
 * Lightning Design System's neutral button and popover (brand #0176d3, border #c9c9c9, text #181818,
 * 0.8125rem Salesforce Sans), so it looks like it belongs beside the record's own actions.
 *
 * R49: button words are the accessible brand #0b5cab (#0176d3 is 4.17:1 on the #f3f3f3 hover); the primary
 * button hovers to a darker blue (the neutral #f3f3f3 hover left its white words at 1.1:1); the fields' border
 * is #8c8c8c, 3:1 against white (WCAG 1.4.11); buttons are 32px tall. It stays light whatever the system
 * theme: it follows the Salesforce page it sits on.
 */
export const REMIND_ME_CSS = `
:host{all:initial}
*{box-sizing:border-box;font-family: 'Salesforce Sans', -apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif;font-size:.8125rem;color:#181818}
button{cursor:pointer;border: 1px solid #c9c9c9; border-radius: 0.25rem;background:#fff;color:#0b5cab;padding:0 .75rem;line-height:1.875rem}
button:hover{background:#f3f3f3}
button:focus-visible,input:focus{outline:0;box-shadow:0 0 3px #0176d3;border-color:#0176d3}
.primary{background:#0176d3;border-color:#0176d3;color:#fff}
.primary:hover{background:#014486;border-color:#014486}
form{margin-top:.25rem;width:18rem;padding:.75rem 1rem;background:#fff;border: 1px solid #c9c9c9; border-radius: 0.25rem;box-shadow: 0 2px 3px 0 rgba(0, 0, 0, 0.16);display:grid;gap:.5rem}
form[hidden]{display:none}
label{display:grid;gap:.125rem;color:#444;font-size:.75rem}
input{border: 1px solid #8c8c8c; border-radius: 0.25rem;padding:0 .5rem;line-height:1.875rem;width:100%}
p{margin:0;font-size:.75rem;color:#444}
.error{color:#ba0517}
.alerts{margin-top:-.25rem}
.alerts[hidden]{display:none}
.row{display:flex;gap:.5rem;justify-content:flex-end}
`;
