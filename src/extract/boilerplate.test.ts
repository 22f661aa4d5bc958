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
  ])('keeps %j', (line) => {
    expect(isBoilerplateText(line)).toBe(false);
  });
});
