// Siteimprove Alfa for checks.mjs, off the main thread. The page's DOM and layout are
// serialised once in the browser (Native.fromNode, as a JSON string); the audit, which
// costs about 1 s of CPU a page, runs in a pool of worker threads, so that several pages
// are audited at once while the browser tabs go on to the next page.
//
//   const alfa = alfaPool(n);  const findings = await alfa.audit(json, {heavy, focusable});
//   await alfa.close();
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { Native } from '@siteimprove/alfa-dom/native';

/** Alfa rules whose only requirement is a WCAG AAA criterion (2.5.5, 1.4.6, 1.4.8, 1.2.8). */
export const AAA_ONLY = new Set(['sia-r111', 'sia-r66', 'sia-r71', 'sia-r73', 'sia-r74', 'sia-r80', 'sia-r24']);
/**
 * The rules that cost the most beyond what every rule shares (the cascade, the
 * accessibility tree), measured as the CPU time an audit of 12 portal pages saves without
 * each: sia-r69 (text contrast) 2.5 s, r113 (target size) 2.1 s, r62 (links told apart
 * from text) 1.5 s, r65 (focus visible) 1.4 s, r11 (links with the same name) 1.2 s, r57
 * (text outside landmarks) 1.1 s; all 84 rules 11.9 s, the others 6.7 s.
 */
export const HEAVY = new Set(['sia-r69', 'sia-r113', 'sia-r62', 'sia-r65', 'sia-r11', 'sia-r57']);

/** An expression that serialises the page's document for Alfa, as a JSON string. */
export const SNAPSHOT = `(async () => JSON.stringify(await (${Native.fromNode.toString()})(document)))()`;

/** A pool of `n` worker threads that audit page snapshots. */
export function alfaPool(n) {
  const workers = Array.from({ length: n }, () => new Worker(fileURLToPath(import.meta.url)));
  const idle = [...workers];
  const waiting = [];
  const pending = new Map();
  let nextId = 0;
  for (const w of workers) {
    w.on('message', ({ id, findings, error }) => {
      const { resolve, reject } = pending.get(id);
      pending.delete(id);
      if (error) reject(new Error(error));
      else resolve(findings);
      const job = waiting.shift();
      if (job) w.postMessage(job);
      else idle.push(w);
    });
    w.on('error', (err) => {
      for (const { reject } of pending.values()) reject(err);
      pending.clear();
    });
  }
  return {
    /** Resolves to printable findings of the page whose snapshot is `json`. */
    audit(json, { heavy = true, focusable = true } = {}) {
      return new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        const job = { id, json, heavy, focusable };
        const w = idle.pop();
        if (w) w.postMessage(job);
        else waiting.push(job);
      });
    },
    close: () => Promise.all(workers.map((w) => w.terminate())),
  };
}

/** A target of an Alfa outcome: an element's opening tag, or the members of a group. */
function showTarget(target) {
  if (target && typeof target[Symbol.iterator] === 'function' && typeof target.toString === 'function' &&
      String(target) === '[object Object]') {
    return [...target].map(showTarget).join(' + ');
  }
  return String(target).split('\n')[0].slice(0, 160);
}

async function serveWorker() {
  const { Node: AlfaNode } = await import('@siteimprove/alfa-dom');
  const { Device } = await import('@siteimprove/alfa-device');
  const { Request, Response } = await import('@siteimprove/alfa-http');
  const { Page } = await import('@siteimprove/alfa-web');
  const { Audit, Outcome } = await import('@siteimprove/alfa-act');
  const { Rules } = await import('@siteimprove/alfa-rules');
  const id = (r) => r.uri.split('/').pop();
  const all = [...Rules.values()].filter((r) => !AAA_ONLY.has(id(r)));
  const light = all.filter((r) => !HEAVY.has(id(r)));
  const audit = async ({ json, heavy, focusable }) => {
    const device = Device.standard();
    const page = Page.of(Request.empty(), Response.empty(), AlfaNode.from(JSON.parse(json), device), device);
    const found = new Map();
    for (const o of await Audit.of(page, heavy ? all : light).evaluate()) {
      if (!Outcome.isFailed(o)) continue;
      const rule = id(o.rule);
      // sia-r87 (a best practice: the first focusable element is a skip link) fails a page
      // with no focusable element at all, such as the CMS shell at /admin/: nothing to skip.
      if (rule === 'sia-r87' && !focusable) continue;
      const list = found.get(rule) ?? [];
      list.push(showTarget(o.target));
      found.set(rule, list);
    }
    return [...found].map(([rule, targets]) =>
      `alfa ${rule}: ${targets.slice(0, 3).join(' | ')}${targets.length > 3 ? ` (+${targets.length - 3} more)` : ''}` +
      `\n    https://alfa.siteimprove.com/rules/${rule}`);
  };
  parentPort.on('message', async (job) => {
    try {
      parentPort.postMessage({ id: job.id, findings: await audit(job) });
    } catch (err) {
      parentPort.postMessage({ id: job.id, error: String(err.stack || err) });
    }
  });
}

if (!isMainThread) serveWorker();
