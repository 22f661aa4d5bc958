import { describe, expect, it } from 'vitest';
import { isBoilerplateText } from './boilerplate.js';

describe('isBoilerplateText', () => {
  it.each([
    'ALSO READ: Ministers agree on a new budget timetable',
    'Also Read | Storm warning for the east coast',
    'Read more: How the vote was counted',
    'Advertisement',
    'ADVERTISEMENT',
    'Story continues below advertisement',
    "Your browser doesn't support HTML5 video.",
    'Your browser does not support the video tag.',
    'Sign up for our newsletter to get the top stories in your inbox.',
    'Share this article',
    'We use cookies to give you the best experience. By continuing you accept them.',
    'Photo: Jane Doe/Reuters',
    'The mayor at the opening. (AP Photo/John Roe)',
    'Image 3 of 12',
    'Reporting by Jane Doe; Editing by John Roe',
    'Nov. 20, 2019, 9:28 AM UTC',
    'jane.doe@example.com',
    'Jane Doe, Associated Press',
    'By Jane Doe | March 3, 2024 at 9:10 AM EST - Updated March 3 at 11:40 AM',
    'Courier staff writer',
    'Sie müssen sich einloggen, um einen Kommentar zu schreiben.',
    '© 2024 Beispiel-Zeitung. Alle Rechte vorbehalten.',
    'Debes iniciar sesión para publicar un comentario.',
    'Todos los derechos reservados.',
    'Vous devez être connecté pour publier un commentaire.',
    'Il tuo indirizzo email non sarà pubblicato.',
    'Je e-mailadres wordt niet gepubliceerd.',
    'quarta-feira, 5 de março de 2025 às 14:20',
    'Mittwoch, 12. März 2025, 08:15 Uhr',
    'Kommentare (4)',
    'Noticias relacionadas',
    'harbour, ferry timetable, port authority, island transport, summer season',
    'Please limit your comments to 300 words and keep them on topic; comments are moderated and may take a day to appear.',
  ])('drops %j', (line) => {
    expect(isBoilerplateText(line)).toBe(true);
  });

  it.each([
    'The mayor said the bridge would reopen next week, after engineers finish their checks.',
    'Read the room, the minister told colleagues as the debate dragged on past midnight.',
    'More than 30 countries attended the summit.',
    'Share prices fell sharply on Tuesday as investors reacted to the report.',
    'Europe weighs its options',
    'By the time rescuers arrived, the water had already receded from the lower streets.',
    'Die Fähre legt von Juni an jede Stunde ab, im Winter alle zwei Stunden, teilte die Reederei mit.',
    'Comments from residents at the meeting were mostly in favour of the new tram line.',
    'The council, the port authority and the ferry company will meet again in May.',
  ])('keeps %j', (line) => {
    expect(isBoilerplateText(line)).toBe(false);
  });
});
