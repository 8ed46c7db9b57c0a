/**
 * The small subset of Inngest's CEL expressions the embedded engine evaluates: dotted paths
 * into `event` (the run's trigger) and `async` (the incoming event), string, number, boolean and
 * null literals, `==` / `!=`, joined by `&&`. That covers `concurrency.key`, `step.waitForEvent`
 * with `match` (which the SDK compiles to `event.<path> == async.<path>`) and simple trigger
 * `if` filters. Anything else is rejected when the functions are loaded, never silently ignored.
 */
type Operand = { path: string[] } | { literal: unknown };
interface Comparison {
  left: Operand;
  op: "==" | "!=";
  right: Operand;
}

export class UnsupportedExpressionError extends Error {}

const PATH = /^(event|async)(\.[A-Za-z_][\w]*)+$/;

function parseOperand(raw: string, expression: string): Operand {
  const text = raw.trim();
  if (PATH.test(text)) return { path: text.split(".") };
  if (/^'[^'\\]*'$/.test(text) || /^"[^"\\]*"$/.test(text)) return { literal: text.slice(1, -1) };
  if (/^-?\d+(\.\d+)?$/.test(text)) return { literal: Number(text) };
  if (text === "true" || text === "false") return { literal: text === "true" };
  if (text === "null") return { literal: null };
  throw new UnsupportedExpressionError(`Unsupported expression for the embedded engine: ${expression}`);
}

export function parseExpression(expression: string): Comparison[] {
  return expression.split("&&").map((clause) => {
    const match = /^(.*?)(==|!=)(.*)$/.exec(clause);
    if (!match?.[1] || !match[3]) {
      throw new UnsupportedExpressionError(`Unsupported expression for the embedded engine: ${expression}`);
    }
    return {
      left: parseOperand(match[1], expression),
      op: match[2] as "==" | "!=",
      right: parseOperand(match[3], expression),
    };
  });
}

export interface ExpressionScope {
  event?: unknown;
  async?: unknown;
}

function operandValue(operand: Operand, scope: ExpressionScope): unknown {
  if ("literal" in operand) return operand.literal;
  let value: unknown = scope;
  for (const part of operand.path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

export function evaluateExpression(expression: string, scope: ExpressionScope): boolean {
  return parseExpression(expression).every(({ left, op, right }) => {
    const a = operandValue(left, scope);
    const b = operandValue(right, scope);
    // An absent field matches nothing, as in CEL where the comparison errors.
    if (a === undefined || b === undefined) return false;
    return op === "==" ? a === b : a !== b;
  });
}

/** A concurrency key such as `event.data.conversationId`, evaluated to the string it names. */
export function evaluateKey(expression: string, event: unknown): string {
  const operand = parseOperand(expression, expression);
  const value = operandValue(operand, { event });
  return value === undefined || value === null ? "" : String(value);
}
