// A rollup plugin that squeezes the indentation out of template literals in our own modules (Lit's
// html`` and css`` are most of the widget's bytes). Whitespace runs that contain a line break become
// one space: the same rendering in HTML and CSS. Run it after TypeScript is stripped (plain JS in).
//
// A small scanner rather than a regex, so strings, comments and `${…}` nesting are respected. It does
// not understand regex literals: our sources must not put a quote or backtick inside one.
export function squeezeTemplates(code) {
  let out = '';
  const stack = []; // 'template' | 'expr' (brace depth counted per expression)
  const braces = [];
  let i = 0;
  while (i < code.length) {
    const char = code[i];
    const top = stack[stack.length - 1];
    if (top === 'template') {
      if (char === '\\') {
        out += code.slice(i, i + 2);
        i += 2;
      } else if (char === '`') {
        stack.pop();
        out += char;
        i++;
      } else if (char === '$' && code[i + 1] === '{') {
        stack.push('expr');
        braces.push(0);
        out += '${';
        i += 2;
      } else if (/\s/.test(char)) {
        let end = i;
        while (end < code.length && /\s/.test(code[end])) end++;
        const run = code.slice(i, end);
        out += run.includes('\n') ? ' ' : run;
        i = end;
      } else {
        out += char;
        i++;
      }
      continue;
    }
    // Code (top level or inside ${…}).
    if (char === '/' && code[i + 1] === '/') {
      const end = code.indexOf('\n', i);
      out += code.slice(i, end === -1 ? code.length : end);
      i = end === -1 ? code.length : end;
    } else if (char === '/' && code[i + 1] === '*') {
      const end = code.indexOf('*/', i + 2) + 2;
      out += code.slice(i, end);
      i = end;
    } else if (char === '"' || char === "'") {
      let end = i + 1;
      while (end < code.length && code[end] !== char) end += code[end] === '\\' ? 2 : 1;
      out += code.slice(i, end + 1);
      i = end + 1;
    } else if (char === '`') {
      stack.push('template');
      out += char;
      i++;
    } else {
      if (top === 'expr') {
        if (char === '{') braces[braces.length - 1]++;
        if (char === '}') {
          if (braces[braces.length - 1] === 0) {
            stack.pop();
            braces.pop();
            out += char;
            i++;
            continue;
          }
          braces[braces.length - 1]--;
        }
      }
      out += char;
      i++;
    }
  }
  return out;
}

export function minifyTemplates({ include = /\/packages\/components\/src\// } = {}) {
  return {
    name: 'doorstep-minify-templates',
    transform(code, id) {
      if (!include.test(id)) return null;
      return { code: squeezeTemplates(code), map: null };
    },
  };
}
