// The preload spells the same two names (it may import nothing from main); both sides' tests pin them.
export const callChannel = 'maktab:call';
export const eventChannel = 'maktab:event';
