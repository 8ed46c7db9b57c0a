/** Who the customer is: the contact, and what the product app knows about them. */
export const customer = {
  "customer.title": "Customer",
  "customer.phone": "Phone",
  "customer.appData.title": "In the product app",
  "customer.appData.account": "Account {id}",
  "customer.appData.unreadable": "The account could not be read.",
  "customer.appData.noAccount": "No account in the app.",
  "customer.appData.purchases": "Purchases",
  "customer.appData.purchase": "{product}: {amount} on {date}, {status}",
  "customer.appData.subscriptions": "Subscriptions",
  "customer.appData.failures": "Failed calls",
} as const;
