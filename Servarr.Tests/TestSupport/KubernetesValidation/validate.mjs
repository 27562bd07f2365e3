#!/usr/bin/env node
// Validates Kubernetes objects written as YAML against the JSON schemas that ship with the npm packages
// kubernetes-models (core and built-in API groups) and @kubernetes-models/traefik (Traefik's CRDs).
//
//   node validate.mjs [--json] PATH...
//
// PATH is a YAML file or a folder, searched recursively for *.yaml / *.yml. Every document of every file is
// one object; its model class is looked up by apiVersion + kind, constructed, and `.validate()`d. Skipped,
// and said so: kustomization.yaml (kustomize's own config, not an API object) and Helm values files
// (*values*.yaml). An object of an apiVersion/kind that neither package models is an error, never a pass.
//
// Output, one line per object:   ok <file> <kind>/<name>
//                                error <file> <kind>/<name>: <message>
//                                skip <file>: <reason>
// With --json, a single JSON object { ok, results: [{ status, file, apiVersion, kind, name, message }] }.
// Exit code: 0 all valid, 1 any error (also: nothing to validate), 2 bad usage or a path that does not exist.

import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseAllDocuments } from "yaml";

// Packages whose subpath exports are named after API group/version, e.g. "kubernetes-models/apps/v1",
// "kubernetes-models/v1" (the core group) and "@kubernetes-models/traefik/traefik.io/v1alpha1".
const MODEL_PACKAGES = ["kubernetes-models", "@kubernetes-models/traefik"];

// "v1", "apps/v1", "networking.k8s.io/v1", "traefik.io/v1alpha1": anything else cannot name a module path.
const API_VERSION = /^(?:[a-z0-9]([a-z0-9.-]*[a-z0-9])?\/)?v[0-9]+(?:(?:alpha|beta)[0-9]+)?$/;

const groupVersionModules = new Map(); // apiVersion -> [module namespace, ...] of the packages that model it

async function modulesFor(apiVersion) {
    if (!groupVersionModules.has(apiVersion)) {
        const found = [];
        for (const pkg of MODEL_PACKAGES) {
            try {
                found.push(await import(`${pkg}/${apiVersion}`));
            } catch (error) {
                // A group/version the package does not export; anything else (a broken install) is fatal.
                if (error?.code !== "ERR_PACKAGE_PATH_NOT_EXPORTED" && error?.code !== "ERR_MODULE_NOT_FOUND") {
                    throw error;
                }
            }
        }
        groupVersionModules.set(apiVersion, found);
    }
    return groupVersionModules.get(apiVersion);
}

// The model class for apiVersion + kind: an export named `kind` whose static apiVersion/kind match (a
// group/version module also exports nested types such as Container, which carry no apiVersion).
async function modelClass(apiVersion, kind) {
    if (typeof apiVersion !== "string" || !API_VERSION.test(apiVersion) || typeof kind !== "string") {
        return undefined;
    }
    for (const module of await modulesFor(apiVersion)) {
        const candidate = module[kind];
        if (typeof candidate === "function" && candidate.apiVersion === apiVersion && candidate.kind === kind) {
            return candidate;
        }
    }
    return undefined;
}

function skipReason(file) {
    const base = path.basename(file).toLowerCase();
    if (base === "kustomization.yaml" || base === "kustomization.yml") {
        return "kustomize configuration, not an API object";
    }
    if (base.includes("values")) {
        return "Helm values file, not an API object";
    }
    const parent = path.basename(path.dirname(path.dirname(file)));
    if (parent === "files" || parent === "secret-files") {
        return "file a kustomize generator puts in a ConfigMap or Secret, not an API object";
    }
    return undefined;
}

const isYaml = (file) => /\.ya?ml$/i.test(file);

// Files under a folder, recursively, in a stable order; dot-folders and node_modules are left out.
function listYamlFiles(folder) {
    const files = [];
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) {
            if (!entry.name.startsWith(".") && entry.name !== "node_modules") {
                files.push(...listYamlFiles(full));
            }
        } else if (entry.isFile() && isYaml(entry.name)) {
            files.push(full);
        }
    }
    return files;
}

async function validateDocument(file, document, results) {
    const at = (status, object, message) => results.push({
        status,
        file,
        apiVersion: object?.apiVersion ?? null,
        kind: typeof object?.kind === "string" ? object.kind : "?",
        name: typeof object?.metadata?.name === "string" ? object.metadata.name : "?",
        message,
    });

    if (document.errors.length > 0) {
        at("error", undefined, `YAML: ${document.errors.map((e) => e.message.split("\n")[0]).join("; ")}`);
        return;
    }
    const object = document.toJS({ maxAliasCount: 100 });
    if (object === null || object === undefined) {
        return; // an empty document, e.g. after a trailing "---"
    }
    if (typeof object !== "object" || Array.isArray(object)) {
        at("error", undefined, `a document must be a mapping, found ${Array.isArray(object) ? "a sequence" : typeof object}`);
        return;
    }
    const Model = await modelClass(object.apiVersion, object.kind);
    if (!Model) {
        at("error", object, `unknown apiVersion/kind ${JSON.stringify(object.apiVersion)}/${JSON.stringify(object.kind)}`
            + ` (neither ${MODEL_PACKAGES.join(" nor ")} models it)`);
        return;
    }
    // The schemas leave metadata optional, but the API server and kustomize both need a name.
    if (typeof object.metadata?.name !== "string" || object.metadata.name === "") {
        at("error", object, "metadata.name is required");
        return;
    }
    try {
        new Model(object).validate();
        at("ok", object);
    } catch (error) {
        at("error", object, error?.message ?? String(error));
    }
}

async function main(argv) {
    const json = argv.includes("--json");
    const paths = argv.filter((a) => a !== "--json");
    if (paths.length === 0 || paths.some((a) => a.startsWith("-"))) {
        process.stderr.write("usage: node validate.mjs [--json] FILE-OR-FOLDER...\n");
        return 2;
    }

    const files = [];
    for (const given of paths) {
        let stat;
        try {
            stat = statSync(given);
        } catch {
            process.stderr.write(`validate.mjs: no such file or folder: ${given}\n`);
            return 2;
        }
        files.push(...(stat.isDirectory() ? listYamlFiles(given) : [given]));
    }

    const results = [];
    for (const file of files) {
        const reason = skipReason(file);
        if (reason) {
            results.push({ status: "skip", file, message: reason });
            continue;
        }
        let documents;
        try {
            documents = parseAllDocuments(readFileSync(file, "utf8"), { prettyErrors: false });
        } catch (error) {
            results.push({ status: "error", file, kind: "?", name: "?", message: `read: ${error.message}` });
            continue;
        }
        // A parse that fails outright yields an EmptyStream, which is iterable like an array of documents.
        for (const document of documents) {
            await validateDocument(file, document, results);
        }
    }

    const validated = results.filter((r) => r.status !== "skip").length;
    if (validated === 0) {
        results.push({ status: "error", file: paths.join(" "), kind: "?", name: "?", message: "no Kubernetes object found" });
    }
    const ok = results.every((r) => r.status !== "error");

    if (json) {
        process.stdout.write(`${JSON.stringify({ ok, results }, null, 2)}\n`);
    } else {
        for (const r of results) {
            process.stdout.write(r.status === "skip" ? `skip ${r.file}: ${r.message}\n`
                : r.status === "ok" ? `ok ${r.file} ${r.kind}/${r.name}\n`
                : `error ${r.file} ${r.kind}/${r.name}: ${r.message}\n`);
        }
    }
    return ok ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
