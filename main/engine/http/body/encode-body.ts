import { ShuttleFailure } from '../../../../shared/contract/errors.ts';
import { contentTypeForBodyMode } from '../../../../shared/http/body-content-type.ts';
import type { RequestBody } from '../../../../shared/model/request.ts';
import { openFileSource } from '../file-source.ts';
import { encodeMultipart } from './multipart-body.ts';
import type { PreparedBody } from './prepared-body.ts';

/**
 * The selected body mode turned into bytes; undefined for no body. Synchronous for the in-memory
 * modes (every request pays for an await otherwise); file-backed modes read file sizes first.
 */
export function encodeBody(body: RequestBody): PreparedBody | undefined | Promise<PreparedBody> {
  const contentType = contentTypeForBodyMode(body.mode);
  switch (body.mode) {
    case 'none':
      return undefined;
    case 'json':
    case 'text':
    case 'xml':
    case 'html':
    case 'javascript':
      return inMemory(Buffer.from(body.text, 'utf8'), contentType);
    case 'form-urlencoded': {
      // URLSearchParams writes the application/x-www-form-urlencoded serialisation (spaces as "+"),
      // keeping row order and duplicate names.
      const rows = (body.form ?? []).filter((row) => row.enabled && (row.name !== '' || row.value !== ''));
      return inMemory(Buffer.from(new URLSearchParams(rows.map((row): [string, string] => [row.name, row.value])).toString(), 'utf8'), contentType);
    }
    case 'graphql':
      return inMemory(Buffer.from(JSON.stringify(graphqlEnvelope(body.graphql)), 'utf8'), contentType);
    case 'multipart':
      return encodeMultipart(body.multipart ?? []);
    case 'binary': {
      if (!body.binary) throw new ShuttleFailure('VALIDATION', 'No file is chosen for the binary body', { what: 'binary body' });
      return openFileSource(body.binary, 'binary body file').then((file) => ({
        length: file.size,
        ...(contentType ? { contentType } : {}),
        content: file.content,
      }));
    }
  }
}

/**
 * The standard GraphQL-over-HTTP POST envelope: {query, variables, operationName}. Variables are
 * parsed here so a typo is reported before anything is sent, not as a server's parse error.
 */
export function graphqlEnvelope(graphql: RequestBody['graphql']): { query: string; variables?: Record<string, unknown>; operationName?: string } {
  const query = graphql?.query ?? '';
  const variablesText = graphql?.variables?.trim() ?? '';
  const envelope: { query: string; variables?: Record<string, unknown>; operationName?: string } = { query };
  if (variablesText !== '') {
    let variables: unknown;
    try {
      variables = JSON.parse(variablesText);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ShuttleFailure('VALIDATION', `GraphQL variables are not valid JSON: ${reason}`, { field: 'variables' });
    }
    if (variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) {
      throw new ShuttleFailure('VALIDATION', 'GraphQL variables must be a JSON object, like {"id": 1}', { field: 'variables' });
    }
    if (variables !== null) envelope.variables = variables as Record<string, unknown>;
  }
  const operationName = graphql?.operationName?.trim();
  if (operationName) envelope.operationName = operationName;
  return envelope;
}

function inMemory(bytes: Buffer, contentType: string | undefined): PreparedBody {
  return { length: bytes.length, content: bytes, ...(contentType ? { contentType } : {}) };
}
