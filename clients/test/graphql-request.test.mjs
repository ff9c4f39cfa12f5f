// graphql-request, a widely used JavaScript GraphQL client, against the running sample: variables, fragments, a
// request header, a Relay connection paged with its own cursor, a mutation, and an error as the client reports it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ClientError, GraphQLClient, gql } from 'graphql-request';
import { sampleUrl } from '../lib/sample.mjs';

const client = new GraphQLClient(`${sampleUrl()}/graphql`);

// The sample's V2 migration derives every id from a fixed text, so these are the same on every run.
const BOOK_1 = '834feba1-6ee5-3314-277b-995adfd0538c';
const AUTHOR_2 = '17aafa3d-4b44-4fe7-bd99-8a8350729460';
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
const NORTH = '11111111-1111-4111-8111-111111111111';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const BOOK_FIELDS = gql`
  fragment BookFields on Book {
    title
    publishedOn
    pages
    author { ...AuthorName }
  }
  fragment AuthorName on Author { name }
`;

test('a query with variables and nested fragments returns the filtered, ordered page', async () => {
  const data = await client.request(gql`
    query BooksOf($author: String!, $limit: Int!, $offset: Int) {
      books(where: {author: {name: {eq: $author}}}, orderBy: [{title: ASC}], limit: $limit, offset: $offset) {
        ...BookFields
      }
    }
    ${BOOK_FIELDS}
  `, { author: 'Author 007', limit: 3, offset: 2 });
  assert.deepEqual(data, { books: [
    { title: 'Book 0607', publishedOn: '1961-08-20', pages: 159, author: { name: 'Author 007' } },
    { title: 'Book 0907', publishedOn: '1967-05-21', pages: 459, author: { name: 'Author 007' } },
    { title: 'Book 1207', publishedOn: '1973-02-18', pages: 359, author: { name: 'Author 007' } },
  ] });
});

test('a UUID variable finds one book, and an unknown one finds none', async () => {
  const query = gql`query Book($id: UUID!) { book(id: $id) { id ...BookFields } } ${BOOK_FIELDS}`;
  assert.deepEqual(await client.request(query, { id: BOOK_1 }), { book: {
    id: BOOK_1, title: 'Book 0001', publishedOn: '1950-01-08', pages: 137, author: { name: 'Author 001' } } });
  assert.deepEqual(await client.request(query, { id: NO_SUCH_ID }), { book: null });
});

test('the same query sent with GET (the starter serves queries over GET) gives the same answer', async () => {
  const viaGet = new GraphQLClient(`${sampleUrl()}/graphql`, { method: 'GET' });
  const query = gql`query Book($id: UUID!) { book(id: $id) { id ...BookFields } } ${BOOK_FIELDS}`;
  assert.deepEqual(await viaGet.request(query, { id: BOOK_1 }), { book: {
    id: BOOK_1, title: 'Book 0001', publishedOn: '1950-01-08', pages: 137, author: { name: 'Author 001' } } });
});

test('a request header reaches the database: the tenant sees its own copies', async () => {
  const data = await client.request(gql`{ copies { shelf book { title } } }`, {}, { 'X-Tenant': NORTH });
  assert.deepEqual(data, { copies: [
    { shelf: 'N-01', book: { title: 'Book 0001' } },
    { shelf: 'N-02', book: { title: 'Book 0002' } },
    { shelf: 'N-03', book: { title: 'Book 0003' } },
    { shelf: 'N-04', book: { title: 'Book 0004' } },
  ] });
});

test('a Relay connection is paged with first/after and the cursor of the first page', async () => {
  const query = gql`
    query Page($first: Int!, $after: String) {
      booksConnection(orderBy: [{title: ASC}], first: $first, after: $after) {
        totalCount
        edges { cursor node { title author { name } } }
        pageInfo { hasNextPage startCursor endCursor }
      }
    }
  `;
  const first = (await client.request(query, { first: 3 })).booksConnection;
  assertPage(first, ['Book 0001', 'Book 0002', 'Book 0003'], ['Author 001', 'Author 002', 'Author 003']);

  const second = (await client.request(query, { first: 3, after: first.pageInfo.endCursor })).booksConnection;
  assertPage(second, ['Book 0004', 'Book 0005', 'Book 0006'], ['Author 004', 'Author 005', 'Author 006']);
  assert.ok(!first.edges.some((edge) => second.edges.some((other) => other.cursor === edge.cursor)),
      'the second page repeats a cursor of the first');
});

// Cursors are opaque: what a client may rely on is that they are present, distinct, and that pageInfo names the
// first and last edge's own.
function assertPage(connection, titles, authors) {
  assert.deepEqual({
    totalCount: connection.totalCount,
    nodes: connection.edges.map((edge) => edge.node),
    hasNextPage: connection.pageInfo.hasNextPage,
  }, {
    totalCount: 3000,
    nodes: titles.map((title, i) => ({ title, author: { name: authors[i] } })),
    hasNextPage: true,
  });
  const cursors = connection.edges.map((edge) => edge.cursor);
  assert.equal(new Set(cursors).size, cursors.length, `cursors repeat: ${cursors}`);
  assert.equal(connection.pageInfo.startCursor, cursors[0]);
  assert.equal(connection.pageInfo.endCursor, cursors[cursors.length - 1]);
}

test('a mutation with an input variable creates a book that a query then finds, and deleting it removes it', async () => {
  const created = await client.request(gql`
    mutation Create($input: CreateBookInput!) {
      createBook(input: $input) {
        __typename
        ... on CreateBookSuccess { status updatedFields book { id ...BookFields } }
        ... on CreateBookError { status code message }
      }
    }
    ${BOOK_FIELDS}
  `, { input: { title: 'Client Kindred', authorId: AUTHOR_2, publishedOn: '1979-06-01', pages: 264 } });
  const id = created.createBook.book?.id;
  try {
    assert.match(String(id), UUID);
    assert.deepEqual(created, { createBook: {
      __typename: 'CreateBookSuccess',
      status: 'created',
      updatedFields: ['title', 'authorId', 'publishedOn', 'pages'],
      book: { id, title: 'Client Kindred', publishedOn: '1979-06-01', pages: 264, author: { name: 'Author 002' } },
    } });
    assert.deepEqual(await client.request(gql`query($id: UUID!) { book(id: $id) { title pages } }`, { id }),
        { book: { title: 'Client Kindred', pages: 264 } });
  } finally {
    // Deleted even when an assertion above failed, so that the checks can run again on the same database.
    if (id) {
      assert.deepEqual(await client.request(gql`
        mutation Delete($id: UUID!) {
          deleteBook(id: $id) { __typename ... on DeleteBookSuccess { status message book { title } } }
        }
      `, { id }), { deleteBook: {
        __typename: 'DeleteBookSuccess', status: 'deleted', message: 'book deleted', book: { title: 'Client Kindred' } } });
    }
  }
  assert.deepEqual(await client.request(gql`query($id: UUID!) { book(id: $id) { title } }`, { id }), { book: null });
});

test('a variable that is no UUID reaches the client as a ClientError naming the variable', async () => {
  await assert.rejects(client.request(gql`query($id: UUID!) { book(id: $id) { title } }`, { id: '42' }),
      (error) => {
        assert.ok(error instanceof ClientError, `not a ClientError: ${error}`);
        // graphql-request asks for application/graphql-response+json, where a request that fails validation is a 400.
        assert.equal(error.response.status, 400);
        assert.equal(error.response.data, undefined);
        assert.deepEqual(error.response.errors, [{
          message: "Variable 'id' has an invalid value: '42' is not a valid UUID: expected a UUID such as "
              + '123e4567-e89b-12d3-a456-426614174000',
          locations: [{ line: 1, column: 7 }],
          extensions: { classification: 'ValidationError' },
        }]);
        return true;
      });
});
