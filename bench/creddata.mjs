#!/usr/bin/env node
// Scores this checkout's leakguard against the local CredData dev split (real leaked credentials).
//   node bench/creddata.mjs [--data /tmp/creddata-dev] [--exclude-category UUID] [--json]
//                           [--shared ../shared/creddata] [--findings-out FILE]
// Build the data first: see ../shared/creddata/README.md. Never prints secret values.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const here = dirname(fileURLToPath(import.meta.url));
const { values: opt } = parseArgs({
  options: {
    data: { type: "string", default: "/tmp/creddata-dev" },
    shared: { type: "string", default: resolve(here, "../../shared/creddata") },
    "exclude-category": { type: "string", default: "UUID" },
    "findings-out": { type: "string" },
    json: { type: "boolean", default: false },
  },
});

function fail(message) {
  console.error(`bench/creddata: ${message}`);
  process.exit(2);
}

const data = resolve(opt.data);
const shared = resolve(opt.shared);
const scorer = join(shared, "score.py");
const labels = join(data, "labels.json");
if (!existsSync(join(data, "data")) || !existsSync(labels)) {
  fail(`no CredData build at ${data}; fetch the repos and run \`MIRROR_ROOT=<mirror root> python3 ${join(shared, "build.py")}\` (see ${join(shared, "README.md")}), or pass --data DIR.`);
}
if (!existsSync(scorer)) fail(`score.py not found at ${scorer}; pass --shared <folder holding score.py>.`);

const tmp = mkdtempSync(join(tmpdir(), "lg-creddata-"));
try {
  const raw = join(tmp, "leakguard.json");
  const started = Date.now();
  const run = spawnSync(process.execPath, [
    resolve(here, "../bin/leakguard.js"), "data", "--format", "json", "--output", raw,
    "--no-gitignore", "--no-baseline", "--max-file-size", String(2 ** 30), "--no-color",
  ], { cwd: data, stdio: ["ignore", "ignore", "pipe"], maxBuffer: 64 * 2 ** 20 });
  // exit 1 just means "findings"; only 2 (or a crash) is a failure
  if (run.error || (run.status !== 0 && run.status !== 1) || !existsSync(raw)) {
    const why = run.error?.message ?? String(run.stderr ?? "").trim().split("\n")[0];
    fail(`leakguard failed (exit ${run.status ?? run.signal}): ${why}; run \`npm run build\` and retry.`);
  }
  const report = JSON.parse(readFileSync(raw, "utf8"));
  const findings = report.findings.map((f) => ({ file: f.file, line: f.line, endLine: f.endLine ?? f.line, rule: f.ruleId }));
  const norm = join(tmp, "findings.json");
  writeFileSync(norm, JSON.stringify(findings));
  if (opt["findings-out"]) copyFileSync(norm, resolve(opt["findings-out"]));
  const skipped = report.skipped ?? [];
  const secs = ((Date.now() - started) / 1000).toFixed(1);

  const score = (extra, jsonOut) => {
    const args = [scorer, `leakguard=${norm}`, "--labels", labels, "--data", join(data, "data"), "--min-positives", "20", ...extra];
    if (jsonOut) args.push("--json", jsonOut, "--summary-only");
    const r = spawnSync("python3", args, { stdio: ["ignore", jsonOut ? "ignore" : "inherit", "inherit"] });
    if (r.error || r.status !== 0) fail(`score.py failed (exit ${r.status}); check python3 and ${scorer}.`);
    return jsonOut ? JSON.parse(readFileSync(jsonOut, "utf8")) : undefined;
  };
  const excl = opt["exclude-category"];
  const head = { findings: findings.length, files: report.stats?.files, skipped: skipped.length, seconds: Number(secs) };

  if (opt.json) {
    const all = score([], join(tmp, "all.json"));
    const without = excl ? score(["--exclude-category", excl], join(tmp, "excl.json")) : undefined;
    const pick = (r) => r && { ...r.total, findings: r.findings, unlabelled: r.unlabelled, categories: r.categories };
    console.log(JSON.stringify({ leakguard: head, skippedFiles: skipped, all: pick(all), excluded: excl || null, withoutExcluded: pick(without) }, null, 1));
  } else {
    console.log(`leakguard: ${head.findings} findings in ${head.files} files (${secs}s); skipped files: ${head.skipped}`);
    for (const s of skipped.slice(0, 10)) console.log(`  skipped ${s.file ?? s.path ?? JSON.stringify(s)}${s.reason ? `: ${s.reason}` : ""}`);
    console.log();
    score([]);
    if (excl) {
      console.log(`\n-- without ${excl} --`);
      score(["--exclude-category", excl, "--summary-only"]);
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
