import { Fragment, type ReactNode } from 'react';

/** Like `fill`, but a {parameter} may be an element (a live clock, a link). */
export function fillNodes(template: string, params: Record<string, ReactNode>): ReactNode[] {
  return template.split(/(\{\w+\})/).map((part, i) => {
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    const value = name !== undefined && name in params ? params[name] : part;
    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed template, never reordered
    return <Fragment key={i}>{value}</Fragment>;
  });
}
