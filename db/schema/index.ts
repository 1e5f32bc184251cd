export * from './audit';
export * from './inquiries';
export * from './privacy';
export * from './retention';
export * from './staff';
export * from './chat';
export * from './journal';
export * from './statistics';
