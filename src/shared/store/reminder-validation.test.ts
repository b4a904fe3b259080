import {expect, test} from 'vitest';
import {setUiLanguage} from '../../../test/fakes/browser.js';
import {MAX_NAME_LENGTH, validateDueDate, validateName} from './reminder-validation.js';

const messageFor = (name: string): string => {
	try {
		validateName(name);
	} catch (error) {
		return (error as Error).message;
	}

	throw new Error('accepted');
};

test('R10/R22: a name of emoji over the limit gets a message that explains why it counts double', () => {
	// 150 emoji look like 150 characters, but Salesforce counts 300.
	const message = messageFor('🎉'.repeat(150));
	expect(message).toContain(`allows ${MAX_NAME_LENGTH} characters`);
	expect(message).toContain('each emoji or other special symbol as two');
	expect(message).toContain('counts as 300');
	expect(message).not.toContain('is 300 characters long');
	// 127 emoji (254) fit.
	expect(validateName('🎉'.repeat(127))).toBe('🎉'.repeat(127));
	// Plain text keeps the plain message.
	expect(messageFor('a'.repeat(300))).toBe(
		`The name is 300 characters long; Salesforce allows at most ${MAX_NAME_LENGTH}. Shorten it or move the rest into the details.`,
	);
});

test('R46: the refusals a form shows are in the rep’s language', () => {
	setUiLanguage('it');
	try {
		expect(messageFor('   ')).toBe("Inserisci l'oggetto del promemoria.");
		expect(messageFor('a'.repeat(300))).toBe(
			"L'oggetto è lungo 300 caratteri; Salesforce ne consente al massimo 255. Accorcialo o sposta il resto nei dettagli.",
		);
		expect(() => validateDueDate('1600-01-01')).toThrow('Salesforce accetta scadenze dal 1700 al 4000.');
	} finally {
		setUiLanguage('en');
	}
});
