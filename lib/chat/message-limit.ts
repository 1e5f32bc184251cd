/**
 * The longest chat message, in characters: both composers stop typing here and both message
 * handlers refuse more. Client components and server code import it alike, so it imports nothing.
 */
export const MAX_CHAT_MESSAGE = 2000;
