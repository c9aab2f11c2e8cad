export * from './payment.ts';
export * from './deposit.ts';
export * from './payment-summary.ts';
export * from './request-payment.ts';
export * from './request-status.ts';
export * from './received-payment.ts';
