/** S3's MalformedXML text (observed on AWS); kept apart from xml.ts so validation does not pull in the XML parser. */
export const MALFORMED_XML_MESSAGE =
  'The XML you provided was not well-formed or did not validate against our published schema';
