import { describe, expect, it } from 'vitest';
import { Detector } from '../../src/detect/detect.js';
import { loadBuiltinRules } from '../../src/patterns/load-patterns.js';

/**
 * Lines of Helm and Go templates found scanning real charts (bitnami/charts), run through every
 * rule and the generic detector as they are: their own {{ }} are not test templates to expand.
 */
const detector = new Detector({ rules: loadBuiltinRules(), entropy: undefined });
const found = (file: string, text: string) => detector.detect({ type: 'fragment', file, startLine: 1, text }).map((c) => c.ruleId);

describe('template lines', () => {
  it.each([
    ['_helpers.tpl', '{{- if and (eq .Values.provider "azure") (not .Values.azure.secretName) .Values.azure.aadClientSecret .Values.azure.useManagedIdentityExtension }}'],
    ['secrets.yaml', '{{- $password := .Values.auth.password }}'],
    ['secrets.yaml', '{{- $clusterAuthPwd := default (include "nats.randomPassword" .) .Values.cluster.auth.password }}'],
    ['configmap.yaml', '    ssl_key=/opt/bitnami/mysql/certs/{{ .Values.tls.certKeyFilename }}'],
  ])('%s: %s reports nothing', (file, line) => {
    expect(found(file, line)).toEqual([]);
  });
});
