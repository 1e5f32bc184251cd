import { describe, expect, it } from 'vitest';
import { decodeEntities, multipartBody, readNoScriptForm } from './no-script-form';

// What React renders for a `useActionState` form without JavaScript: the action's hidden fields
// first, then the form's own. A search form before it carries none.
const page = [
  '<form action="/sok" method="get"><input type="search" name="q"/></form>',
  '<form action="" encType="multipart/form-data" method="POST">',
  '<input type="hidden" name="$ACTION_REF_1"/>',
  '<input type="hidden" name="$ACTION_1:0" value="{&quot;id&quot;:&quot;40ab&quot;,&quot;bound&quot;:&quot;$@1&quot;}"/>',
  '<input type="hidden" name="$ACTION_1:1" value="[{&quot;status&quot;:&quot;idle&quot;}]"/>',
  '<input type="hidden" name="$ACTION_KEY" value="k123"/>',
  '<input type="hidden" name="session" value="0b7e"/>',
  '<input id="name" name="name" type="text"/><input type="checkbox" name="terms" value="ja"/>',
  '</form>',
].join('');

describe('readNoScriptForm', () => {
  it('reads the first form with server-action fields: its hidden inputs in order, posting to the page', () => {
    expect(readNoScriptForm(page, '/kurs/a/pamelding/0b7e')).toEqual({
      action: '/kurs/a/pamelding/0b7e',
      hidden: [
        ['$ACTION_REF_1', ''],
        ['$ACTION_1:0', '{"id":"40ab","bound":"$@1"}'],
        ['$ACTION_1:1', '[{"status":"idle"}]'],
        ['$ACTION_KEY', 'k123'],
        ['session', '0b7e'],
      ],
    });
  });

  it('refuses a page without such a form, and a form that posts elsewhere', () => {
    expect(() => readNoScriptForm('<form method="post"><input name="x"/></form>', '/')).toThrow('no form on / carries server-action fields');
    expect(() => readNoScriptForm(page.replace('action=""', 'action="https://example.org/"'), '/')).toThrow('not to this site');
  });
});

describe('multipartBody and decodeEntities', () => {
  it('encodes text fields as a browser does', () => {
    const body = multipartBody([['svar-alder', '9 år'], ['a"b', '']]).toString('utf8');
    expect(body).toMatch(/^--(\S+)\r\nContent-Disposition: form-data; name="svar-alder"\r\n\r\n9 år\r\n--\1\r\nContent-Disposition: form-data; name="a%22b"\r\n\r\n\r\n--\1--\r\n$/);
  });

  it('decodes named and numeric references', () => {
    expect(decodeEntities('&lt;&#x2F;&#47;&amp;&quot;&unknown;')).toBe('<//&"&unknown;');
  });
});
