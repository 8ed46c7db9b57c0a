import { randomUUID } from "node:crypto";

/** The sample product's own data: what a real app keeps in its database. Amounts in cents. */
export interface SampleUser {
  id: string;
  email: string;
  name: string;
  phone?: string;
}

export interface SamplePurchase {
  id: string;
  userId: string;
  productName: string;
  amount: number;
  currency: string;
  purchasedAt: string;
  refundedAmount: number;
}

export interface SampleRefund {
  id: string;
  purchaseId: string;
  amount: number;
  reason: string;
  idempotencyKey?: string;
}

export class SampleStore {
  readonly users = new Map<string, SampleUser>();
  readonly purchases = new Map<string, SamplePurchase>();
  readonly refunds: SampleRefund[] = [];

  addUser(user: Omit<SampleUser, "id"> & { id?: string }): SampleUser {
    const saved = { ...user, id: user.id ?? `usr_${randomUUID()}` };
    this.users.set(saved.id, saved);
    return saved;
  }

  addPurchase(purchase: Omit<SamplePurchase, "refundedAmount">): SamplePurchase {
    const saved = { ...purchase, refundedAmount: 0 };
    this.purchases.set(saved.id, saved);
    return saved;
  }

  findUser(by: { email?: string; phone?: string }): SampleUser | undefined {
    const email = by.email?.toLowerCase();
    return [...this.users.values()].find(
      (u) =>
        (email !== undefined && u.email.toLowerCase() === email) || (by.phone !== undefined && u.phone === by.phone),
    );
  }

  purchasesOf(userId: string): SamplePurchase[] {
    return [...this.purchases.values()].filter((p) => p.userId === userId);
  }
}

/** Two customers, three purchases: enough for lookups, partial refunds and transfers. */
export function seededStore(): SampleStore {
  const store = new SampleStore();
  store.addUser({ id: "usr_ada", email: "ada@example.com", name: "Ada Lovelace", phone: "+33600000001" });
  store.addUser({ id: "usr_grace", email: "grace@example.com", name: "Grace Hopper" });
  store.addPurchase({
    id: "pur_course",
    userId: "usr_ada",
    productName: "TypeScript Pro course",
    amount: 9900,
    currency: "EUR",
    purchasedAt: "2026-11-10T09:30:00Z",
  });
  store.addPurchase({
    id: "pur_ebook",
    userId: "usr_ada",
    productName: "Testing ebook",
    amount: 1900,
    currency: "EUR",
    purchasedAt: "2026-06-01T14:00:00Z",
  });
  store.addPurchase({
    id: "pur_workshop",
    userId: "usr_grace",
    productName: "Compilers workshop",
    amount: 25000,
    currency: "EUR",
    purchasedAt: "2026-11-20T08:00:00Z",
  });
  return store;
}
