/**
 * In-process counters, exposed at /metrics in Prometheus' text format. Labels are small,
 * closed sets (channel, outcome): never ids, bodies or anything a customer wrote.
 */
export class Counters {
  private readonly values = new Map<string, number>();

  increment(name: string, labels: Record<string, string> = {}, by = 1): void {
    const key = `${name}${formatLabels(labels)}`;
    this.values.set(key, (this.values.get(key) ?? 0) + by);
  }

  get(name: string, labels: Record<string, string> = {}): number {
    return this.values.get(`${name}${formatLabels(labels)}`) ?? 0;
  }

  render(): string {
    return [...this.values.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, value]) => `${key} ${value}`)
      .join("\n")
      .concat("\n");
  }
}

function formatLabels(labels: Record<string, string>): string {
  const entries = Object.entries(labels).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return "";
  return `{${entries.map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, "_")}"`).join(",")}}`;
}
