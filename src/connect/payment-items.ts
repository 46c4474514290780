// One ordered list of what a checkout page offers, as Worldline's `getBasicPaymentItems` builds it
// (connect-sdk-client-js 6.0.6, BasicPaymentItems): each product in the platform's order, except
// that the products of a group (e.g. every card in `cards`) are replaced by the group, once, where
// its first product stood. A pure function of the two answers: the session stays as small as it was.
import type { BasicPaymentProduct, BasicPaymentProductGroups, BasicPaymentProducts } from './schemas.js';

type Group = BasicPaymentProductGroups['paymentProductGroups'][number];

/** A product, or a group standing for its products. `type` tells which. */
export type BasicPaymentItem = ({ readonly type: 'product' } & BasicPaymentProduct) | ({ readonly type: 'group' } & Group);

/**
 * The products of `products` in order, each group of `groups` (when given) in place of its
 * products. Products of a group that is not in `groups` stay products.
 *
 * @example
 * const [products, groups] = await Promise.all([session.getBasicPaymentProducts(context), session.getBasicPaymentProductGroups(context)]);
 * for (const item of basicPaymentItems(products, groups)) console.log(item.type, item.id);
 */
export function basicPaymentItems(products: Pick<BasicPaymentProducts, 'paymentProducts'>, groups?: Pick<BasicPaymentProductGroups, 'paymentProductGroups'>): BasicPaymentItem[] {
  const shown = new Set<string>();
  return products.paymentProducts.flatMap((product): BasicPaymentItem[] => {
    const group = product.paymentProductGroup === undefined ? undefined : groups?.paymentProductGroups.find((g) => g.id === product.paymentProductGroup);
    if (!group) return [{ ...product, type: 'product' }];
    if (shown.has(group.id)) return [];
    shown.add(group.id);
    return [{ ...group, type: 'group' }];
  });
}
