export const IPC_CHANNEL = 'courtesy:api';
