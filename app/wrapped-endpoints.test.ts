import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every server action and route handler under app/ is built by one of the wrappers, so each
 * checks its caller (staff), parses its input, keeps a change and its access-log row in one
 * transaction, and answers a failure with a Norwegian sentence instead of an HTML page. This
 * reads the source of every actions.ts, route.ts and 'use server' file and fails on an export
 * that is anything else: a hand-written `export async function POST`, a re-export, a wrapper
 * imported from somewhere else. The e2e security spec then checks each one refuses strangers.
 */
const root = path.resolve(import.meta.dirname);

const wrappers = {
  staffAction: '@/lib/staff/action',
  staffRoute: '@/lib/staff/route',
  publicAction: '@/lib/public/action',
  publicRoute: '@/lib/public/route',
  // The chat visitor's routes: publicRoute with the chat's failure sentence and the time.
  visitorRoute: '@/lib/chat/visitor-route',
} as const;
type Wrapper = keyof typeof wrappers;

/**
 * Staff actions that are public by nature (the e2e security spec names the same ones): the
 * credentials, or the one-time token in the form, are the permission, not a session.
 */
const PUBLIC_STAFF_ACTIONS: Record<string, string> = {
  signInAction: 'signing in is how a session starts',
  signOutAction: 'ending a session needs none',
  setupAction: 'the one-time token in the form is the permission',
};

/** Staff endpoints use the staff wrappers; the public ones (and those above) the public wrappers. */
function allowedFor(file: string, kind: 'action' | 'route', name: string): Wrapper[] {
  const staff = file.startsWith('staff/');
  if (kind === 'route') return staff ? ['staffRoute'] : file.startsWith('chat/api/') ? ['visitorRoute'] : ['publicRoute'];
  return staff && !(name in PUBLIC_STAFF_ACTIONS) ? ['staffAction'] : ['publicAction'];
}

/** Exports that are not built by a wrapper, each with the reason. Nothing else may join them. */
const UNWRAPPED: Record<string, Record<string, string>> = {
  'api/auth/[...nextauth]/route.ts': { GET: "Auth.js's own sign-in exchange", POST: "Auth.js's own sign-in exchange" },
};

/** Route segment settings Next reads from a route file; they are not handlers. */
const SEGMENT_CONFIG = new Set(['dynamic', 'dynamicParams', 'revalidate', 'fetchCache', 'runtime', 'preferredRegion', 'maxDuration']);

function endpointFiles(dir = root): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...endpointFiles(full));
    else if (/^(actions|route)\.tsx?$/.test(entry.name) || (/\.tsx?$/.test(entry.name) && !entry.name.includes('.test.') && /^['"]use server['"]/.test(fs.readFileSync(full, 'utf8')))) {
      found.push(path.relative(root, full).split(path.sep).join('/'));
    }
  }
  return found.sort();
}

const exported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** Each export of the file with what builds it: a wrapper's name, or why it is not one. */
function exportsOf(file: string, source: string): { name: string; problem?: string }[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const kind = /(^|\/)route\.tsx?$/.test(file) ? 'route' : 'action';
  const imported = new Map<string, string>();
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      for (const el of st.importClause?.namedBindings && ts.isNamedImports(st.importClause.namedBindings) ? st.importClause.namedBindings.elements : []) {
        imported.set(el.name.text, `${(el.propertyName ?? el.name).text}@${st.moduleSpecifier.text}`);
      }
    }
  }
  const found: { name: string; problem?: string }[] = [];
  for (const st of sf.statements) {
    if (ts.isTypeAliasDeclaration(st) || ts.isInterfaceDeclaration(st)) continue;
    if (ts.isExportDeclaration(st) || ts.isExportAssignment(st)) {
      found.push({ name: st.getText(sf).slice(0, 60), problem: 're-export: build the endpoint with a wrapper here' });
      continue;
    }
    if (!exported(st)) continue;
    if (ts.isFunctionDeclaration(st)) {
      const name = st.name?.text ?? 'default';
      found.push({ name, problem: `a hand-written function; build it with ${allowedFor(file, kind, name).join(' or ')}` });
      continue;
    }
    if (!ts.isVariableStatement(st)) {
      found.push({ name: st.getText(sf).slice(0, 60), problem: 'an export that is not an endpoint' });
      continue;
    }
    for (const decl of st.declarationList.declarations) {
      if (!ts.isIdentifier(decl.name)) {
        for (const el of ts.isObjectBindingPattern(decl.name) ? decl.name.elements : []) found.push({ name: el.name.getText(sf), problem: 'taken apart from another object' });
        continue;
      }
      const name = decl.name.text;
      if (kind === 'route' && SEGMENT_CONFIG.has(name)) continue;
      const allowed = allowedFor(file, kind, name);
      const init = decl.initializer;
      const callee = init && ts.isCallExpression(init) && ts.isIdentifier(init.expression) ? init.expression.text : undefined;
      const wrapper = callee && (allowed as string[]).includes(callee) ? (callee as Wrapper) : undefined;
      if (!wrapper) found.push({ name, problem: `not built by ${allowed.join(' or ')}` });
      else if (imported.get(wrapper) !== `${wrapper}@${wrappers[wrapper]}`) found.push({ name, problem: `${wrapper} must come from ${wrappers[wrapper]}` });
      else found.push({ name });
    }
  }
  return found;
}

describe('every action and route handler goes through a wrapper', () => {
  const files = endpointFiles();

  it('finds the endpoints it is meant to check', () => {
    expect(files).toEqual(expect.arrayContaining(['staff/(app)/chat/api/handling/route.ts', 'staff/(app)/henvendelser/actions.ts', 'chat/api/meldinger/route.ts', '(public)/kontakt/actions.ts']));
    expect(files.length).toBeGreaterThanOrEqual(17);
  });

  it.each(files)('%s', (file) => {
    const exceptions = UNWRAPPED[file] ?? {};
    const found = exportsOf(file, fs.readFileSync(path.join(root, file), 'utf8'));
    expect(found.length, 'a file of endpoints with none in it').toBeGreaterThan(0);
    const problems = found.filter((e) => e.problem && !(e.name in exceptions)).map((e) => `${e.name}: ${e.problem}`);
    expect(problems).toEqual([]);
    // An exception that is now wrapped (or gone) leaves the list, so the list cannot grow stale.
    for (const name of Object.keys(exceptions)) expect(found.find((e) => e.name === name)?.problem, `${name} is listed as unwrapped`).toBeTruthy();
  });

  it('catches a hand-written handler, a wrapper from elsewhere and the wrong audience', () => {
    const problems = (file: string, source: string) => exportsOf(file, source).filter((e) => e.problem).map((e) => e.name);
    expect(problems('staff/x/route.ts', 'export async function POST() { return new Response(); }')).toEqual(['POST']);
    expect(problems('staff/x/route.ts', "import { staffRoute } from './mine';\nexport const GET = staffRoute({});")).toEqual(['GET']);
    expect(problems('chat/x/route.ts', "import { staffRoute } from '@/lib/staff/route';\nexport const GET = staffRoute({});")).toEqual(['GET']);
    expect(problems('staff/x/actions.ts', "'use server';\nimport { staffAction } from '@/lib/staff/action';\nexport const a = staffAction({});\nexport const b = async () => {};")).toEqual(['b']);
    expect(problems('staff/x/actions.ts', "'use server';\nimport { publicAction } from '@/lib/public/action';\nexport const addNoteAction = publicAction({});\nexport const signInAction = publicAction({});")).toEqual(['addNoteAction']);
    expect(problems('staff/x/route.ts', "export { GET } from './other';")).toHaveLength(1);
  });
});
