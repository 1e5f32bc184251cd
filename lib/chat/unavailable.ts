import { ALARMTELEFONEN } from '@/lib/help-numbers';

/** What a visitor reads when the chat fails unexpectedly: calm, and where else to get help. */
export const chatUnavailable = `Chatten svarer ikke akkurat nå. Prøv igjen om litt, eller ring ${ALARMTELEFONEN.number}.`;
