// House rules that ESLint's own rules cannot say: contexts meet only through each
// other's public index, and SQL lives in repositories (and migrations).
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

function contextOf(file) {
  const parts = path.relative(root, file).split(path.sep);
  return parts[0] === 'libs' || parts[0] === 'apps' ? `${parts[0]}/${parts[1]}` : null;
}

const contextBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: "Import another context only through its public index ('@slussen/<context>')." },
    messages: {
      internal: "'{{source}}' reaches into {{target}}; import it from its public index (@slussen/...) instead.",
      deep: "'{{source}}' is not a public entry of a context; use '@slussen/<context>' or its '/entities'.",
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const own = contextOf(file);
    function check(node) {
      const source = node.source?.value;
      if (typeof source !== 'string') return;
      if (source.startsWith('@slussen/') && !/^@slussen\/[a-z-]+(\/entities)?$/.test(source)) {
        context.report({ node: node.source, messageId: 'deep', data: { source } });
        return;
      }
      if (!source.startsWith('.')) return;
      const target = contextOf(path.resolve(path.dirname(file), source));
      if (own && target && target !== own)
        context.report({ node: node.source, messageId: 'internal', data: { source, target } });
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

// Upper-case keywords, as the project writes SQL; prose such as 'Select a slot' is not SQL.
const SQL =
  /^\s*(SELECT\s[\s\S]*\bFROM\b|SELECT\s+\w+\(|INSERT\s+INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s|WITH\s+\w+\s+AS\s*\(|CREATE\s|ALTER\s|DROP\s|LISTEN\s|NOTIFY\s)/;

const sqlInRepositories = {
  meta: {
    type: 'problem',
    docs: {
      description: 'SQL is written in repositories (and migrations), not in services, processors or controllers.',
    },
    messages: { sql: "SQL outside a repository: move this query into the context's repositories/ folder." },
    schema: [],
  },
  create(context) {
    const relative = path.relative(root, context.filename);
    if (/(^|\/)(repositories|migrations)\//.test(relative) || /\.repository\.ts$/.test(relative)) return {};
    function check(node, text) {
      if (SQL.test(text)) context.report({ node, messageId: 'sql' });
    }
    return {
      Literal(node) {
        if (typeof node.value === 'string') check(node, node.value);
      },
      TemplateLiteral(node) {
        check(node, node.quasis[0]?.value.cooked ?? '');
      },
    };
  },
};

export default { rules: { 'context-boundaries': contextBoundaries, 'sql-in-repositories': sqlInRepositories } };
